package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.Multipart;
import io.couponflow.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Per-code fields end to end, on H2 and PostgreSQL: a file's other columns kept per code, answered
 * by the assignment, shown in the email as delivered, exported and imported again.
 */
abstract class CodeFieldsContract extends WorkflowFixtures {

  @Test
  void importedFieldsReachTheAssignmentAndTheDeliveredEmail() throws Exception {
    long setId = multipleSet();
    String p = unique("FLD");
    JsonNode done = importFile(setId, Map.of(), "codes.csv",
        "Code,Discount Value,Fecha de caducidad,min_order\n" + p + "-1,15%,2027-01-31,50\n");
    assertThat(done.get("success").asLong()).isEqualTo(1);
    assertThat(done.get("fields")).extracting(JsonNode::asString)
        .containsExactly("discountValue", "fechaDeCaducidad", "min_order");

    String domain = unique("fields").toLowerCase() + ".test";
    String contact = unique("eva-");
    putContact(contact, "eva@" + domain, "Eva");
    activeWorkflow(domain, List.of(assignNode(setId, "stop", null), emailNode("{{coupon.discountValue}} off",
        "<p><b>{{coupon}}</b> gives {{coupon.discountValue}} until {{coupon.fechaDeCaducidad}}"
            + " from {{coupon.min_order}} EUR{{coupon.missing | \" (no limit)\"}}</p>")));
    assertThat(event(contact, domain).status()).isEqualTo(201);

    awaitTrue(Duration.ofSeconds(30), "the email", () -> TestSmtp.messagesFor(domain).size() == 1);
    MimeMessage mail = TestSmtp.messagesFor(domain).get(0);
    assertThat(mail.getSubject()).isEqualTo("15% off");
    assertThat(part(mail, "text/html"))
        .contains("<b>" + p + "-1</b> gives 15% until 2027-01-31 from 50 EUR (no limit)");
  }

  @Test
  void anAssignmentAnswersTheFieldsOfItsCodeAndAgainWhenReused() {
    long setId = multipleSet();
    String p = unique("ASF");
    var added = api.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", List.of(
        Map.of("code", p + "-1", "fields", Map.of("value", "10%", "minimumOrder", "30")))));
    assertThat(added.status()).as(added.text()).isEqualTo(200);
    String contact = unique("c-");

    var first = assign(setId, contact);
    var again = assign(setId, contact);

    assertThat(first.status()).as(first.text()).isEqualTo(201);
    assertThat(first.json().get("fields").get("value").asString()).isEqualTo("10%");
    assertThat(first.json().get("fields").get("minimumOrder").asString()).isEqualTo("30");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("fields").get("value").asString()).isEqualTo("10%");
  }

  @Test
  void codesWithoutFieldsAnswerAnEmptyObject() {
    long setId = createMultipleSet(unique("plain"), 1).get("id").asLong();
    var assigned = assign(setId, unique("c-"));
    assertThat(assigned.status()).isEqualTo(201);
    assertThat(assigned.json().get("fields").isObject()).isTrue();
    assertThat(assigned.json().get("fields").isEmpty()).isTrue();
  }

  @Test
  void anExportRoundTripsIntoANewSetWithTheSameFields() {
    long setId = multipleSet();
    String p = unique("RT");
    importFile(setId, Map.of(), "rt.csv", "code,value,note\n" + p + "-1,5 EUR,\"a, quoted \"\"note\"\"\"\n"
        + p + "-2,10 EUR,\n");
    var export = api.get("/api/v1/coupon-sets/" + setId + "/codes/export");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.text().lines().findFirst().orElseThrow()).isEqualTo("code,status,childSetId,createdAt,value,note");

    // the same codes can't live in two sets: the first set goes, its export goes into a new one
    assertThat(api.delete("/api/v1/coupon-sets/" + setId).status()).isEqualTo(204);
    long copy = multipleSet();
    JsonNode done = importFile(copy, Map.of("fields", "value,note"), "export.csv", export.text());

    assertThat(done.get("success").asLong()).isEqualTo(2);
    Map<String, JsonNode> byCode = new LinkedHashMap<>();
    api.get("/api/v1/coupon-sets/" + copy + "/codes").json().get("items")
        .forEach(item -> byCode.put(item.get("code").asString(), item.get("fields")));
    assertThat(byCode.get(p + "-1").get("value").asString()).isEqualTo("5 EUR");
    assertThat(byCode.get(p + "-1").get("note").asString()).isEqualTo("a, quoted \"note\"");
    assertThat(byCode.get(p + "-2").get("value").asString()).isEqualTo("10 EUR");
    assertThat(byCode.get(p + "-2").has("note")).isFalse();
  }

  @Test
  void aShopifyDiscountExportImportsAsItIs() {
    long setId = multipleSet();
    String p = unique("SHOP");
    String csv = "ID,Title,Command,Code,Code Command,Code Used Count,Total Used Count,Type,Value Type,Value,Status,"
        + "Starts At,Ends At,Minimum Requirement,Minimum Value,Applies Once Per Customer\n"
        + "1392458268987,Welcome 10,MERGE," + p + "-A,MERGE,0,3,Amount Off Order,Percentage,-10.0,Active,"
        + "2026-11-01 00:00:00 +0100,,Minimum Subtotal,50.0,TRUE\n"
        + "1392458268987,Welcome 10,MERGE," + p + "-B,MERGE,3,3,Amount Off Order,Percentage,-10.0,Active,"
        + "2026-11-01 00:00:00 +0100,,Minimum Subtotal,50.0,TRUE\n";
    JsonNode done = importFile(setId, Map.of(), "discounts_export.csv", csv);

    assertThat(done.get("success").asLong()).isEqualTo(2);
    assertThat(done.get("fields")).extracting(JsonNode::asString).contains("ID", "codeUsedCount", "valueType",
        "minimumValue", "appliesOncePerCustomer");
    JsonNode b = codeNamed(setId, p + "-B");
    assertThat(b.get("fields").get("codeUsedCount").asString()).isEqualTo("3");
    assertThat(b.get("fields").get("Value").asString()).isEqualTo("-10.0");
    assertThat(b.get("fields").has("endsAt")).isFalse();
  }

  @Test
  void fieldsNoneKeepsOnlyCodesAndAListKeepsThoseColumns() {
    String p = unique("SEL");
    long none = multipleSet();
    importFile(none, Map.of("fields", "none"), "n.csv", "code,value\n" + p + "-N,5\n");
    assertThat(codeNamed(none, p + "-N").get("fields").isEmpty()).isTrue();

    long some = multipleSet();
    JsonNode done = importFile(some, Map.of("fields", "Minimum Order"), "s.csv", "code,value,Minimum Order\n" + p
        + "-S,5,40\n");
    assertThat(done.get("fields")).extracting(JsonNode::asString).containsExactly("minimumOrder");
    assertThat(codeNamed(some, p + "-S").get("fields").toString()).isEqualTo("{\"minimumOrder\":\"40\"}");
  }

  @Test
  void moreThanTwentyFieldsAreRefusedUpFrontUnlessTheImportSaysWhich() {
    long setId = multipleSet();
    StringBuilder header = new StringBuilder("code");
    StringBuilder row = new StringBuilder(unique("MANY"));
    for (int i = 1; i <= 21; i++) {
      header.append(",f").append(i);
      row.append(',').append(i);
    }
    String csv = header + "\n" + row + "\n";
    var refused = upload(setId, Map.of(), csv);
    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    assertThat(refused.json().get("type").asString()).endsWith("/too-many-fields");

    JsonNode done = importFile(setId, Map.of("fields", "f1,f21"), "many.csv", csv);
    assertThat(done.get("success").asLong()).isEqualTo(1);
    assertThat(done.get("fields")).extracting(JsonNode::asString).containsExactly("f1", "f21");
  }

  @Test
  void aValueOver256CharactersSendsItsRowToTheErrorReport() {
    long setId = multipleSet();
    String p = unique("LONG");
    JsonNode done = importFile(setId, Map.of(), "long.csv", "code,note\n" + p + "-1," + "x".repeat(257) + "\n"
        + p + "-2," + "y".repeat(256) + "\n");
    assertThat(done.get("success").asLong()).isEqualTo(1);
    assertThat(done.get("errors").asLong()).isEqualTo(1);
    var report = api.get("/api/v1/imports/" + done.get("id").asLong() + "/errors");
    assertThat(report.text()).contains("2," + p + "-1,field-too-long");

    var added = api.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", List.of(
        Map.of("code", p + "-3", "fields", Map.of("note", "z".repeat(257))), p + "-4")));
    assertThat(added.json().get("added").asInt()).isEqualTo(1);
    assertThat(added.json().get("rejected").get(0).get("reason").asString()).isEqualTo("field-too-long");
    var badName = api.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", List.of(
        Map.of("code", p + "-5", "fields", Map.of("min order", "1")))));
    assertThat(badName.status()).isEqualTo(400);
  }

  @Test
  void aTestSendShowsTheFieldsOfACodeOfTheSetWithoutTakingIt() {
    long setId = multipleSet();
    String p = unique("TSF");
    api.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", List.of(
        Map.of("code", p + "-1", "fields", Map.of("value", "20%")))));
    String contact = unique("tim-");
    putContact(contact, "tim@example.test", "Tim");
    var created = api.post("/api/v1/workflows", Map.of("name", "fields preview", "trigger", Map.of("event", unique("e")),
        "nodes", List.of(assignNode(setId, "stop", null),
            emailNode("x", "<b>{{coupon}}</b> {{coupon.value}} {{coupon.minimumOrder}}"))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);

    var sent = api.post("/api/v1/workflows/" + created.json().get("id").asLong() + "/test-send",
        Map.of("contactId", contact));

    assertThat(sent.json().get("items").get(0).get("html").asString())
        .isEqualTo("<b>" + WorkflowService.PLACEHOLDER_CODE + "</b> 20% [minimumOrder]");
    assertThat(set(setId).get("available").asLong()).isEqualTo(1);
  }

  // ---- helpers

  private long multipleSet() {
    return createMultipleSet(unique("fields-test"), 0).get("id").asLong();
  }

  private ApiClient.Response upload(long setId, Map<String, String> fields, String csv) {
    Multipart body = new Multipart().field("type", "coupons").field("couponSetId", setId);
    fields.forEach(body::field);
    return api.send(body.file("codes.csv", csv).into(api.request("/api/v1/imports")));
  }

  private JsonNode importFile(long setId, Map<String, String> fields, String fileName, String csv) {
    Multipart body = new Multipart().field("type", "coupons").field("couponSetId", setId);
    fields.forEach(body::field);
    var created = api.send(body.file(fileName, csv).into(api.request("/api/v1/imports")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    JsonNode[] last = new JsonNode[1];
    Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
      last[0] = api.get("/api/v1/imports/" + id).json();
      return List.of("finished", "error", "cancelled").contains(last[0].get("status").asString());
    });
    assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo("finished");
    return last[0];
  }

  private JsonNode codeNamed(long setId, String code) {
    List<JsonNode> found = new ArrayList<>();
    api.get("/api/v1/coupon-sets/" + setId + "/codes").json().get("items").forEach(item -> {
      if (item.get("code").asString().equals(code)) {
        found.add(item);
      }
    });
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
