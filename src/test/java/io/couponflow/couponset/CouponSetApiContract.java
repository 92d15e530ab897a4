package io.couponflow.couponset;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The coupon-set part of the HTTP contract, on H2 and PostgreSQL. */
abstract class CouponSetApiContract extends ApiTest {

  @Test
  void createsAnIndividualSetWithCountersFromItsQuantity() {
    String code = unique("WELCOME");
    JsonNode set = createSingleSet("Welcome 15%", code, 200L);
    assertThat(set.get("type").asString()).isEqualTo("single");
    assertThat(set.get("code").asString()).isEqualTo(code);
    assertThat(set.get("quantity").asLong()).isEqualTo(200);
    assertThat(set.get("assignmentPolicy").asString()).isEqualTo("once-per-contact");
    assertThat(set.get("total").asLong()).isEqualTo(200);
    assertThat(set.get("assigned").asLong()).isZero();
    assertThat(set.get("available").asLong()).isEqualTo(200);
    assertThat(set.get("sent").asLong()).isZero();
    assertThat(set.get("redeemed").asLong()).isZero();
    assertThat(set.get("childSets").isArray()).isTrue();
    assertThat(set.get("usedInWorkflows").isArray()).isTrue();
    assertThat(set.get("createdAt").asString()).isNotBlank();
  }

  @Test
  void anUnlimitedIndividualSetHasNullTotalAndAvailable() {
    JsonNode set = createSingleSet("Unlimited", unique("FOREVER"), null);
    assertThat(set.get("total").isNull()).isTrue();
    assertThat(set.get("available").isNull()).isTrue();
    long id = set.get("id").asLong();
    assertThat(assign(id, "a").status()).isEqualTo(201);
    assertThat(set(id).get("assigned").asLong()).isEqualTo(1);
  }

  @Test
  void addsCodesAndReportsEachRejectedValue() {
    long id = createMultipleSet("Spring sale", 0).get("id").asLong();
    String p = unique("SPRING");
    String taken = unique("TAKEN");
    addCodes(createMultipleSet("other", 0).get("id").asLong(), null, List.of(taken));
    List<String> values = new ArrayList<>(List.of(p + "1", " " + p + "2 ", p.toLowerCase() + "1", "", "   ",
        "has space", "x".repeat(65), taken.toLowerCase(), p + "3"));
    JsonNode result = addCodes(id, null, values);

    assertThat(result.get("added").asInt()).isEqualTo(3);
    assertThat(result.get("rejected").toString())
        .contains("{\"value\":\"" + p.toLowerCase() + "1\",\"reason\":\"duplicate-in-file\"}")
        .contains("{\"value\":\"has space\",\"reason\":\"invalid\"}")
        .contains("\"reason\":\"too-long\"")
        .contains("{\"value\":\"" + taken.toLowerCase() + "\",\"reason\":\"already-exists\"}");
    assertThat(result.get("rejected").size()).isEqualTo(4);
    JsonNode set = set(id);
    assertThat(set.get("total").asLong()).isEqualTo(3);
    assertThat(set.get("available").asLong()).isEqualTo(3);
  }

  @Test
  void listsNewestFirstWithCursorPaginationTypeFilterAndSearch() {
    String marker = unique("pagetest-");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(createMultipleSet(marker + " " + i, 0).get("id").asLong());
    }
    String single = unique("FINDME");
    long singleId = createSingleSet(marker + " single", single, 10L).get("id").asLong();

    List<Long> seen = new ArrayList<>();
    String next = "/api/v1/coupon-sets?limit=2&q=" + marker;
    int pages = 0;
    while (next != null) {
      JsonNode page = api.get(next).json();
      page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
      next = page.get("links").get("next").isNull() ? null : page.get("links").get("next").asString();
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    List<Long> expected = new ArrayList<>(ids);
    expected.add(singleId);
    expected.sort((a, b) -> Long.compare(b, a));
    assertThat(seen).isEqualTo(expected);

    JsonNode singles = api.get("/api/v1/coupon-sets?type=single&q=" + marker).json();
    assertThat(singles.get("items").size()).isEqualTo(1);
    JsonNode byCode = api.get("/api/v1/coupon-sets?q=" + single.toLowerCase()).json();
    assertThat(byCode.get("items").get(0).get("id").asLong()).isEqualTo(singleId);
    assertThat(api.get("/api/v1/coupon-sets?q=%25%25_%5C").json().get("items").size()).isZero();
  }

  @Test
  void patchChangesOnlyTheFieldsSent() {
    long id = createSingleSet("Patch me", unique("PATCH"), 5L).get("id").asLong();
    var patched = api.patch("/api/v1/coupon-sets/" + id, Map.of("name", "Patched"));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("name").asString()).isEqualTo("Patched");
    assertThat(patched.json().get("quantity").asLong()).isEqualTo(5);

    Map<String, Object> unlimited = new HashMap<>();
    unlimited.put("quantity", null);
    unlimited.put("assignmentPolicy", "new-each-time");
    JsonNode now = api.patch("/api/v1/coupon-sets/" + id, unlimited).json();
    assertThat(now.get("quantity").isNull()).isTrue();
    assertThat(now.get("assignmentPolicy").asString()).isEqualTo("new-each-time");

    assign(id, "p1");
    assign(id, "p2");
    var below = api.patch("/api/v1/coupon-sets/" + id, Map.of("quantity", 1));
    assertThat(below.status()).isEqualTo(409);
    assertThat(api.patch("/api/v1/coupon-sets/" + id, Map.of("quantity", 2)).status()).isEqualTo(200);
    assertThat(assign(id, "p3").status()).isEqualTo(409);
  }

  @Test
  void deletesASetAndForgetsItsCodes() {
    String code = unique("GONE");
    long id = createMultipleSet("To delete", 0).get("id").asLong();
    addCodes(id, null, List.of(code));
    assertThat(api.delete("/api/v1/coupon-sets/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/coupon-sets/" + id).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/coupon-sets/" + id).status()).isEqualTo(404);
    long again = createMultipleSet("Reuse", 0).get("id").asLong();
    assertThat(addCodes(again, null, List.of(code)).get("added").asInt()).isEqualTo(1);
  }

  @Test
  void childSetsScopeAssignmentAndCountersAndGoBackToTheParentWhenDeleted() {
    long id = createMultipleSet("Split", 0).get("id").asLong();
    var vip = api.post("/api/v1/coupon-sets/" + id + "/child-sets", Map.of("name", "vip"));
    assertThat(vip.status()).isEqualTo(201);
    long vipId = vip.json().get("id").asLong();
    assertThat(api.post("/api/v1/coupon-sets/" + id + "/child-sets", Map.of("name", "VIP")).status()).isEqualTo(409);
    addCodes(id, vipId, codeValues(unique("VIP"), 2));
    addCodes(id, null, codeValues(unique("STD"), 3));

    var fromChild = api.post("/api/v1/coupon-sets/" + id + "/assignments", Map.of("contactId", "c1", "childSetId", vipId));
    assertThat(fromChild.status()).isEqualTo(201);
    assertThat(fromChild.json().get("childSetId").asLong()).isEqualTo(vipId);
    assertThat(fromChild.json().get("code").asString()).startsWith("VIP");
    var fromParent = assign(id, "c1");
    assertThat(fromParent.status()).as("the parent is another scope than the child").isEqualTo(201);

    JsonNode set = set(id);
    assertThat(set.get("total").asLong()).isEqualTo(5);
    assertThat(set.get("assigned").asLong()).isEqualTo(2);
    JsonNode child = set.get("childSets").get(0);
    assertThat(child.get("name").asString()).isEqualTo("vip");
    assertThat(child.get("total").asLong()).isEqualTo(2);
    assertThat(child.get("assigned").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(api.get("/api/v1/coupon-sets/" + id + "/child-sets").json().get("items").size()).isEqualTo(1);

    assertThat(api.delete("/api/v1/coupon-sets/" + id + "/child-sets/" + vipId).status()).isEqualTo(204);
    JsonNode after = set(id);
    assertThat(after.get("total").asLong()).isEqualTo(5);
    assertThat(after.get("assigned").asLong()).isEqualTo(2);
    assertThat(after.get("childSets").size()).isZero();
  }

  @Test
  void listsAndExportsCodesByStatus() {
    long id = createMultipleSet("Export", 4).get("id").asLong();
    String assigned = assign(id, "exporter").json().get("code").asString();
    JsonNode available = api.get("/api/v1/coupon-sets/" + id + "/codes?status=available&limit=2").json();
    assertThat(available.get("items").size()).isEqualTo(2);
    assertThat(available.get("links").get("next").isNull()).isFalse();
    JsonNode assignedCodes = api.get("/api/v1/coupon-sets/" + id + "/codes?status=assigned").json();
    assertThat(assignedCodes.get("items").get(0).get("code").asString()).isEqualTo(assigned);

    var csv = api.get("/api/v1/coupon-sets/" + id + "/codes/export?status=available");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.text().split("\n");
    assertThat(lines[0]).isEqualTo("code,status,childSetId,createdAt");
    assertThat(lines).hasSize(4);
    assertThat(csv.text()).doesNotContain(assigned);
  }

  @Test
  void assignmentPoliciesIdempotencyAndSentReleaseRules() {
    long once = createMultipleSet("Once", 3).get("id").asLong();
    var first = assign(once, "anna");
    var second = assign(once, "anna");
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("reused").asBoolean()).isFalse();
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("reused").asBoolean()).isTrue();
    assertThat(second.json().get("code").asString()).isEqualTo(first.json().get("code").asString());

    long each = createMultipleSet("Each", 3, "new-each-time").get("id").asLong();
    assertThat(assign(each, "bob").json().get("code").asString())
        .isNotEqualTo(assign(each, "bob").json().get("code").asString());

    String path = "/api/v1/coupon-sets/" + each + "/assignments";
    var keyed = api.post(path, Map.of("contactId", "carl"), Map.of("Idempotency-Key", "k-1"));
    var replay = api.post(path, Map.of("contactId", "carl"), Map.of("Idempotency-Key", "k-1"));
    var otherBody = api.post(path, Map.of("contactId", "dora"), Map.of("Idempotency-Key", "k-1"));
    assertThat(keyed.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("id").asLong()).isEqualTo(keyed.json().get("id").asLong());
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(assign(each, "erin").status()).isEqualTo(409);

    long assignmentId = first.json().get("id").asLong();
    assertThat(api.post("/api/v1/assignments/" + assignmentId + "/sent", "").status()).isEqualTo(200);
    assertThat(api.post("/api/v1/assignments/" + assignmentId + "/sent", "").status()).isEqualTo(200);
    assertThat(set(once).get("sent").asLong()).isEqualTo(1);
    var release = api.post("/api/v1/assignments/" + assignmentId + "/release", "");
    assertThat(release.status()).isEqualTo(409);
    assertThat(release.json().get("type").asString()).endsWith("/assignment-not-releasable");
    assertThat(api.post("/api/v1/assignments/999999999/sent", "").status()).isEqualTo(404);

    long other = assign(once, "fred").json().get("id").asLong();
    assertThat(api.post("/api/v1/assignments/" + other + "/release", "").status()).isEqualTo(200);
    assertThat(set(once).get("assigned").asLong()).isEqualTo(1);
    var fredAgain = assign(once, "fred");
    assertThat(fredAgain.status()).as("a released code is no longer held").isEqualTo(201);
  }

  @Test
  void badInputGetsAProblemNamingTheFieldAndWritesNothing() {
    long before = api.get("/api/v1/coupon-sets?limit=1000").json().get("items").size();
    assertProblem(api.postRaw("/api/v1/coupon-sets", "{\"name\": ", "application/json"), 400, "malformed-request");
    assertProblem(api.postRaw("/api/v1/coupon-sets", "{\"name\":\"x\",\"type\":\"single\",\"code\":\"A\",\"quantity\":\"many\"}",
        "application/json"), 400, "malformed-request");
    assertProblem(api.post("/api/v1/coupon-sets", Map.of("name", "x", "type", "single", "code", "A", "quantitty", 3)),
        400, "malformed-request");
    assertProblem(api.post("/api/v1/coupon-sets", Map.of("name", "x", "type", "single", "code", unique("NEG"), "quantity", -1)),
        400, "validation-failed");
    assertProblem(api.post("/api/v1/coupon-sets", Map.of("name", "", "type", "multiple")), 400, "validation-failed");
    assertProblem(api.post("/api/v1/coupon-sets", Map.of("name", "x", "type", "multiple", "code", "ABC")), 400, "validation-failed");
    assertProblem(api.post("/api/v1/coupon-sets", Map.of("name", "x", "type", "single", "code", "A".repeat(65))), 400, "validation-failed");
    assertProblem(api.post("/api/v1/coupon-sets", Map.of("name", "x", "type", "weird")), 400, "malformed-request");
    assertProblem(api.post("/api/v1/coupon-sets", Map.of("name", "x", "type", "single")), 400, "validation-failed");
    assertThat(api.get("/api/v1/coupon-sets?limit=1000").json().get("items").size()).isEqualTo(before);

    String code = unique("DUP");
    createSingleSet("dup", code, 1L);
    assertProblem(api.post("/api/v1/coupon-sets", Map.of("name", "dup2", "type", "single", "code", code.toLowerCase())),
        409, "code-already-exists");
    assertProblem(api.get("/api/v1/coupon-sets/987654321"), 404, "not-found");
    assertProblem(api.get("/api/v1/coupon-sets/abc"), 400, "validation-failed");
    assertProblem(api.get("/api/v1/coupon-sets?limit=5000"), 400, "validation-failed");
    assertProblem(api.get("/api/v1/coupon-sets?cursor=garbage"), 400, "validation-failed");
    assertProblem(api.post("/api/v1/coupon-sets/987654321/assignments", Map.of("contactId", "x")), 404, "not-found");
    long multi = createMultipleSet("m", 1).get("id").asLong();
    assertProblem(api.post("/api/v1/coupon-sets/" + multi + "/assignments", Map.of("contactId", "")), 400, "validation-failed");
    assertProblem(api.post("/api/v1/coupon-sets/" + multi + "/assignments", Map.of("contactId", "x", "childSetId", 424242)),
        404, "not-found");
    assertThat(set(multi).get("assigned").asLong()).isZero();
  }

  @Test
  void apiKeysAreRequiredAndScoped() {
    ApiClient anonymous = api.withKey(null);
    var denied = anonymous.get("/api/v1/coupon-sets");
    assertProblem(denied, 401, "unauthorized");
    assertProblem(api.withKey("cf_wrong").post("/api/v1/coupon-sets", Map.of("name", "x", "type", "multiple")), 401,
        "unauthorized");

    var created = api.post("/api/v1/api-keys", Map.of("name", "reporting", "scope", "read"));
    assertThat(created.status()).isEqualTo(201);
    ApiClient reader = api.withKey(created.json().get("key").asString());
    assertThat(reader.get("/api/v1/coupon-sets").status()).isEqualTo(200);
    assertProblem(reader.post("/api/v1/coupon-sets", Map.of("name", "x", "type", "multiple")), 403, "forbidden");
    assertProblem(reader.get("/api/v1/api-keys"), 403, "forbidden");
    assertThat(api.get("/api/v1/api-keys").json().toString()).doesNotContain(created.json().get("key").asString());
    assertThat(api.delete("/api/v1/api-keys/" + created.json().get("id").asLong()).status()).isEqualTo(204);
    assertThat(reader.get("/api/v1/coupon-sets").status()).isEqualTo(401);
  }

  @Test
  void operationsEndpointsAnswer() {
    assertThat(api.withKey(null).get("/actuator/health").text()).contains("UP");
    assertThat(api.withKey(null).get("/actuator/prometheus").text()).contains("jvm_memory");
    var spec = api.withKey(null).get("/v3/api-docs");
    assertThat(spec.status()).isEqualTo(200);
    assertThat(spec.text()).contains("/api/v1/coupon-sets/{id}/assignments");
  }

  private static void assertProblem(ApiClient.Response response, int status, String slug) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).endsWith("/" + slug);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).isNotBlank();
  }
}
