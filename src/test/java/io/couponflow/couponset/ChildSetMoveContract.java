package io.couponflow.couponset;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Moving available codes between a set's child sets: POST /api/v1/coupon-sets/{id}/codes/move, on H2 and PostgreSQL. */
abstract class ChildSetMoveContract extends ApiTest {

  @Test
  void namedCodesMoveIntoAChildSetWithExactCountersAndTheOthersAreReportedAsSkipped() {
    long id = createMultipleSet("Move named " + unique(""), 0).get("id").asLong();
    long vip = child(id, "vip");
    List<String> codes = codeValues(unique("MV"), 6);
    addCodes(id, null, codes);
    String held = assign(id, "holder-" + unique("")).json().get("code").asString();
    List<String> free = codes.stream().filter(c -> !c.equals(held)).toList();

    var moved = move(id, Map.of("codes", List.of(free.get(0), free.get(1).toLowerCase(), held, "NO-SUCH-CODE", free.get(0)),
        "toChildSetId", vip));
    assertThat(moved.status()).as(moved.text()).isEqualTo(200);
    assertThat(moved.json().get("moved").asLong()).isEqualTo(2);
    assertThat(moved.json().get("toChildSetId").asLong()).isEqualTo(vip);
    assertThat(moved.json().get("skipped").toString())
        .contains("{\"value\":\"" + held + "\",\"reason\":\"not-available\"}")
        .contains("{\"value\":\"NO-SUCH-CODE\",\"reason\":\"not-found\"}");

    JsonNode set = set(id);
    assertThat(List.of(set.get("total").asLong(), set.get("assigned").asLong(), set.get("available").asLong()))
        .as("the set's own figures do not change").containsExactly(6L, 1L, 5L);
    JsonNode child = set.get("childSets").get(0);
    assertThat(List.of(child.get("total").asLong(), child.get("assigned").asLong(), child.get("available").asLong()))
        .containsExactly(2L, 0L, 2L);
    assertThat(codesIn(id, "childSetId=" + vip)).containsExactlyInAnyOrder(free.get(0), free.get(1));
    assertThat(codesIn(id, "childSetId=0")).as("codes outside child sets").hasSize(4).contains(held);

    var again = move(id, Map.of("codes", List.of(free.get(0)), "toChildSetId", vip));
    assertThat(again.json().get("moved").asLong()).isZero();
    assertThat(again.json().get("skipped").toString()).contains("already-there");

    var fromVip = api.post("/api/v1/coupon-sets/" + id + "/assignments", Map.of("contactId", "vip-" + unique(""), "childSetId", vip));
    assertThat(fromVip.status()).isEqualTo(201);
    assertThat(List.of(free.get(0), free.get(1))).contains(fromVip.json().get("code").asString());

    Map<String, Object> back = new HashMap<>();
    back.put("codes", List.of(free.get(0), free.get(1)));
    back.put("toChildSetId", null);
    var toParent = move(id, back);
    assertThat(toParent.json().get("moved").asLong()).as("the unassigned one goes back to the set itself").isEqualTo(1);
    assertThat(set(id).get("childSets").get(0).get("total").asLong()).as("the assigned one stays in vip").isEqualTo(1);
    assertThat(set(id).get("available").asLong()).isEqualTo(4);
  }

  @Test
  void aNumberOfAvailableCodesMovesFromTheSetIntoAChildAndOnToAnother() {
    long id = createMultipleSet("Move count " + unique(""), 10).get("id").asLong();
    long a = child(id, "a");
    long b = child(id, "b");

    var first = move(id, Map.of("count", 4, "toChildSetId", a));
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.json().get("moved").asLong()).isEqualTo(4);
    var second = move(id, Map.of("count", 100, "fromChildSetId", a, "toChildSetId", b));
    assertThat(second.json().get("moved").asLong()).as("only what a holds").isEqualTo(4);

    JsonNode set = set(id);
    assertThat(set.get("total").asLong()).isEqualTo(10);
    assertThat(childTotals(set)).containsEntry("a", 0L).containsEntry("b", 4L);
    for (int i = 0; i < 4; i++) {
      var given = api.post("/api/v1/coupon-sets/" + id + "/assignments", Map.of("contactId", "b" + i + unique(""), "childSetId", b));
      assertThat(given.status()).isEqualTo(201);
    }
    assertThat(api.post("/api/v1/coupon-sets/" + id + "/assignments", Map.of("contactId", "b-last", "childSetId", b)).status())
        .as("b is empty after its four codes").isEqualTo(409);
    assertThat(set(id).get("available").asLong()).isEqualTo(6);
  }

  @Test
  void badMovesAreRefusedWithAProblemAndMoveNothing() {
    long id = createMultipleSet("Move refused " + unique(""), 3).get("id").asLong();
    long vip = child(id, "vip");
    long single = createSingleSet("single", unique("ONE"), null).get("id").asLong();
    long otherChild = child(createMultipleSet("other " + unique(""), 0).get("id").asLong(), "x");

    assertProblem(move(id, Map.of("codes", List.of("A"), "count", 1, "toChildSetId", vip)), 400, "validation-failed");
    assertProblem(move(id, Map.of("toChildSetId", vip)), 400, "validation-failed");
    assertProblem(move(id, Map.of("count", 0, "toChildSetId", vip)), 400, "validation-failed");
    assertProblem(move(id, Map.of("codes", List.of("A"), "fromChildSetId", vip)), 400, "validation-failed");
    assertProblem(move(id, Map.of("count", 1, "toChildSetId", otherChild)), 404, "not-found");
    assertProblem(move(id, Map.of("count", 1, "fromChildSetId", vip, "toChildSetId", vip)), 422, "same-child-set");
    assertProblem(move(single, Map.of("count", 1, "toChildSetId", vip)), 422, "not-a-multiple-set");
    assertProblem(move(999_999_999L, Map.of("count", 1)), 404, "not-found");
    assertThat(childTotals(set(id))).containsEntry("vip", 0L);
  }

  @Test
  void movingWhileContactsAreAssignedNeverHandsACodeOutTwiceAndKeepsCountersExact() throws Exception {
    long id = createMultipleSet("Move under load " + unique(""), 0).get("id").asLong();
    long a = child(id, "a");
    List<String> codes = codeValues(unique("LOAD"), 200);
    addCodes(id, null, codes);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<List<String>>> work = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        work.add(() -> {
          List<String> got = new ArrayList<>();
          for (int i = 0; i < 40; i++) {
            var r = api.post("/api/v1/coupon-sets/" + id + "/assignments",
                Map.of("contactId", "t" + thread + "-" + i, "childSetId", a));
            if (r.status() == 201) {
              got.add(r.json().get("code").asString());
            }
          }
          return got;
        });
      }
      work.add(() -> {
        for (int i = 0; i < 10; i++) {
          assertThat(move(id, Map.of("count", 10, "toChildSetId", a)).status()).isEqualTo(200);
        }
        return List.of();
      });
      List<String> handed = new ArrayList<>();
      for (Future<List<String>> f : pool.invokeAll(work)) {
        handed.addAll(f.get());
      }
      assertThat(new HashSet<>(handed)).as("no code twice").hasSameSizeAs(handed);

      JsonNode set = set(id);
      JsonNode child = set.get("childSets").get(0);
      assertThat(set.get("total").asLong()).isEqualTo(200);
      assertThat(set.get("assigned").asLong()).isEqualTo(handed.size());
      assertThat(child.get("total").asLong()).as("100 moved into a").isEqualTo(100);
      assertThat(child.get("assigned").asLong()).isEqualTo(handed.size());
      assertThat(codesIn(id, "childSetId=" + a)).hasSize(100).containsAll(handed);
      assertThat(codesIn(id, "childSetId=" + a + "&status=available")).hasSize((int) child.get("available").asLong());
      assertThat(codesIn(id, "childSetId=0&status=available")).hasSize(100);
    } finally {
      pool.shutdownNow();
    }
  }

  private long child(long setId, String name) {
    var created = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", name));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private ApiClient.Response move(long setId, Map<String, ?> body) {
    return api.post("/api/v1/coupon-sets/" + setId + "/codes/move", body);
  }

  private List<String> codesIn(long setId, String query) {
    var page = api.get("/api/v1/coupon-sets/" + setId + "/codes?limit=1000&" + query);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    page.json().get("items").forEach(item -> values.add(item.get("code").asString()));
    return values;
  }

  private static Map<String, Long> childTotals(JsonNode set) {
    Map<String, Long> totals = new HashMap<>();
    set.get("childSets").forEach(c -> totals.put(c.get("name").asString(), c.get("total").asLong()));
    return Collections.unmodifiableMap(totals);
  }

  private static void assertProblem(ApiClient.Response response, int status, String slug) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asString()).endsWith("/" + slug);
  }
}
