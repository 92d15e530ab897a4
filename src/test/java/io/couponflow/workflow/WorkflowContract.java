package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Contacts, events and workflows end to end over HTTP, with a real SMTP server. Runs on H2 and PostgreSQL. */
abstract class WorkflowContract extends WorkflowFixtures {

  @Test
  void aSignupEventEmailsExactlyTheAssignedCodeAndTheTimelineShowsIt() throws Exception {
    long setId = createMultipleSet("welcome codes", 5).get("id").asLong();
    String domain = unique("signup").toLowerCase() + ".test";
    String contact = unique("ana-");
    putContact(contact, "ana@" + domain, "Ana");
    long workflowId = activeWorkflow("signup", List.of(assignNode(setId, "stop", null),
        emailNode("Welcome {{contact.firstName | \"friend\"}}", "<p>Hi {{contact.firstName}}, your code: <b>{{coupon}}</b></p>")));

    assertThat(event(contact, "signup").status()).isEqualTo(201);

    awaitTrue(Duration.ofSeconds(30), "the email", () -> TestSmtp.messagesFor(domain).size() == 1);
    awaitTrue(Duration.ofSeconds(30), "the run to finish", () -> runs(workflowId, "finished").size() == 1);
    List<JsonNode> assigned = activity(contact, "coupon-assigned");
    assertThat(assigned).hasSize(1);
    String code = assigned.get(0).get("code").asString();
    MimeMessage mail = TestSmtp.messagesFor(domain).get(0);
    assertThat(boldText(mail)).isEqualTo(code);
    assertThat(mail.getSubject()).isEqualTo("Welcome Ana");
    assertThat(set(setId).get("sent").asLong()).isEqualTo(1);
    assertThat(set(setId).get("assigned").asLong()).isEqualTo(1);
    assertThat(activity(contact, null)).extracting(a -> a.get("type").asString())
        .contains("coupon-assigned", "coupon-sent", "email-sent", "workflow-started", "workflow-finished");
    assertThat(activity(contact, null).get(0).get("type").asString()).isEqualTo("workflow-finished");
    assertThat(activity(contact, "coupon-assigned")).allSatisfy(a -> {
      assertThat(a.get("type").asString()).isEqualTo("coupon-assigned");
      assertThat(a.get("couponSetId").asLong()).isEqualTo(setId);
      assertThat(a.get("workflowId").asLong()).isEqualTo(workflowId);
    });
    JsonNode run = runs(workflowId, null).get(0);
    assertThat(run.get("steps").get(0).get("code").asString()).isEqualTo(code);
    assertThat(run.get("steps").get(1).get("outcome").asString()).isEqualTo("sent");
  }

  @Test
  void anEmailArrivesAsHtmlWithAPlainTextAlternativeMadeFromIt() throws Exception {
    long setId = createMultipleSet("alternative codes", 1).get("id").asLong();
    String domain = unique("alt").toLowerCase() + ".test";
    String contact = unique("bea-");
    putContact(contact, "bea@" + domain, "Bea");
    String html = "<h1>Welcome, {{contact.firstName}}!</h1><p>Your code: <b>{{coupon}}</b><br>10&nbsp;% off &amp; free shipping.</p>"
        + "<p><a href=\"https://shop.example/redeem\">Redeem it in our shop</a></p>";
    String trigger = unique("alt");
    activeWorkflow(trigger, List.of(assignNode(setId, "stop", null), emailNode("Your code", html)));

    assertThat(event(contact, trigger).status()).isEqualTo(201);

    awaitTrue(Duration.ofSeconds(30), "the email", () -> TestSmtp.messagesFor(domain).size() == 1);
    MimeMessage mail = TestSmtp.messagesFor(domain).get(0);
    String code = boldText(mail);
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(part(mail, "text/html")).contains("<b>" + code + "</b>");
    assertThat(part(mail, "text/plain").strip().replace("\r\n", "\n")).isEqualTo("Welcome, Bea!\n\nYour code: " + code
        + "\n10 % off & free shipping.\n\nRedeem it in our shop (https://shop.example/redeem)");
  }

  @Test
  void anUnknownVariableIsRejectedWhenSavingNamingTheNode() {
    long setId = createMultipleSet("typo", 1).get("id").asLong();
    var saved = api.post("/api/v1/workflows", Map.of("name", "typo", "trigger", Map.of("event", unique("ev")),
        "nodes", List.of(assignNode(setId, "stop", null), emailNode("Hi", "<b>{{cupon}}</b>"))));

    assertThat(saved.status()).isEqualTo(400);
    assertThat(saved.json().get("detail").asString()).contains("node 2 (send-email)").contains("'cupon'");
    assertThat(saved.json().get("errors").get(0).get("field").asString()).isEqualTo("nodes[1].html");
    var badSyntax = api.post("/api/v1/workflows", Map.of("name", "syntax", "trigger", Map.of("event", "x"),
        "nodes", List.of(emailNode("Hi {{ contact }}", "<b>x</b>"))));
    assertThat(badSyntax.status()).isEqualTo(400);
    assertThat(badSyntax.json().get("errors").get(0).get("field").asString()).isEqualTo("nodes[0].subject");
  }

  @Test
  void aTestSendRendersAPlaceholderEscapedAndConsumesNothing() {
    long setId = createMultipleSet("preview", 3).get("id").asLong();
    String contact = unique("bob-");
    putContact(contact, "bob@example.test", "<Bob & Co>");
    var created = api.post("/api/v1/workflows", Map.of("name", "preview", "trigger", Map.of("event", unique("ev")),
        "nodes", List.of(assignNode(setId, "stop", null), emailNode("For {{contact.firstName}}", "<p>{{contact.firstName}}: <b>{{coupon}}</b> {{contact.city | \"here\"}}</p>"),
            Map.of("type", "send-web-content", "html", "<div>{{coupon}}</div>"))));
    long id = created.json().get("id").asLong();

    var sent = api.post("/api/v1/workflows/" + id + "/test-send", Map.of("contactId", contact));

    assertThat(sent.status()).as(sent.text()).isEqualTo(200);
    JsonNode items = sent.json().get("items");
    assertThat(items.get(0).get("subject").asString()).isEqualTo("For <Bob & Co>");
    assertThat(items.get(0).get("html").asString())
        .isEqualTo("<p>&lt;Bob &amp; Co&gt;: <b>" + WorkflowService.PLACEHOLDER_CODE + "</b> here</p>");
    assertThat(items.get(1).get("type").asString()).isEqualTo("send-web-content");
    assertThat(set(setId).get("available").asLong()).isEqualTo(3);
    assertThat(api.post("/api/v1/workflows/" + id + "/test-send", Map.of("contactId", unique("nobody"))).status())
        .isEqualTo(404);
  }

  @Test
  void aSetUsedByAnActiveWorkflowCannotBeDeleted() {
    long setId = createMultipleSet("in use", 1).get("id").asLong();
    long workflowId = activeWorkflow(unique("ev"), List.of(assignNode(setId, "skip", null),
        emailNode("Hi", "<b>{{coupon}}</b>")));

    JsonNode use = set(setId).get("usedInWorkflows").get(0);
    assertThat(use.get("workflowId").asLong()).isEqualTo(workflowId);
    String name = api.get("/api/v1/workflows/" + workflowId).json().get("name").asString();
    assertThat(use.get("name").asString()).isEqualTo(name);
    assertThat(use.get("status").asString()).isEqualTo("active");
    var refused = api.delete("/api/v1/coupon-sets/" + setId);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).endsWith("/coupon-set-in-use");
    assertThat(refused.json().get("detail").asString()).contains("'" + name + "'");
    assertThat(api.post("/api/v1/workflows/" + workflowId + "/pause", "").json().get("status").asString())
        .isEqualTo("paused");
    assertThat(set(setId).get("usedInWorkflows").get(0).get("status").asString()).isEqualTo("paused");
    assertThat(api.delete("/api/v1/coupon-sets/" + setId).status()).isEqualTo(204);

    var activated = api.post("/api/v1/workflows/" + workflowId + "/activate", "");
    assertThat(activated.status()).as(activated.text()).isEqualTo(400);
    assertThat(activated.json().get("detail").asString())
        .isEqualTo("The coupon set used by 'Assign coupon' (step 1) was deleted; choose another set");
    assertThat(activated.json().get("errors").get(0).get("field").asString()).isEqualTo("nodes[0].couponSetId");
    assertThat(api.get("/api/v1/workflows/" + workflowId).json().get("status").asString()).isEqualTo("paused");
  }

  @Test
  void activatingAWorkflowWhoseChildSetWasDeletedSaysSo() {
    long setId = createMultipleSet("child gone", 1).get("id").asLong();
    long childId = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", "vip")).json().get("id").asLong();
    Map<String, Object> assign = new java.util.HashMap<>(assignNode(setId, "skip", null));
    assign.put("childSetId", childId);
    var created = api.post("/api/v1/workflows", Map.of("name", "Child gone", "trigger", Map.of("event", unique("ev")),
        "nodes", List.of(emailNode("Hi", "<p>Hello</p>"), assign)));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long workflowId = created.json().get("id").asLong();
    assertThat(api.delete("/api/v1/coupon-sets/" + setId + "/child-sets/" + childId).status()).isEqualTo(204);

    var activated = api.post("/api/v1/workflows/" + workflowId + "/activate", "");
    assertThat(activated.status()).isEqualTo(400);
    assertThat(activated.json().get("detail").asString()).isEqualTo("The child set used by 'Assign coupon' (step 2) was"
        + " deleted; choose another child set, or the whole set");
  }

  @Test
  void aContactIsCreatedThenReplaced() {
    String id = unique("carla-");
    var body = Map.of("email", "carla@example.test", "firstName", "Carla", "fields", Map.of("city", "Vigo"));
    var created = api.send(api.request("/api/v1/contacts/" + id).header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(io.couponflow.support.ApiClient.JSON.writeValueAsString(body))));
    assertThat(created.status()).isEqualTo(201);
    assertThat(putContact(id, "c@example.test", "Carla").get("email").asString()).isEqualTo("c@example.test");
    JsonNode read = api.get("/api/v1/contacts/" + id).json();
    assertThat(read.get("firstName").asString()).isEqualTo("Carla");
    assertThat(read.get("fields").size()).isZero();
    assertThat(api.get("/api/v1/contacts/" + unique("ghost")).status()).isEqualTo(404);
  }

  @Test
  void creatingChangingActivatingPausingAndDeletingAWorkflowIsAudited() {
    long setId = createMultipleSet("audited flow", 1).get("id").asLong();
    String trigger = unique("audit");
    var created = api.post("/api/v1/workflows", Map.of("name", "audited", "trigger", Map.of("event", trigger),
        "nodes", List.of(assignNode(setId, "stop", null))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    var updated = api.send(api.request("/api/v1/workflows/" + id)
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of(
            "name", "audited again", "trigger", Map.of("event", trigger),
            "nodes", List.of(assignNode(setId, "skip", null), emailNode("Hi", "<b>{{coupon}}</b>"))))))
        .header("Content-Type", "application/json"));
    assertThat(updated.status()).as(updated.text()).isEqualTo(200);
    assertThat(api.post("/api/v1/workflows/" + id + "/activate", "").status()).isEqualTo(200);
    assertThat(api.post("/api/v1/workflows/" + id + "/pause", "").status()).isEqualTo(200);
    assertThat(api.delete("/api/v1/workflows/" + id).status()).isIn(200, 204);

    JsonNode entries = api.get("/api/v1/audit-log?targetType=workflow&targetId=" + id).json().get("items");
    List<String> actions = new java.util.ArrayList<>();
    entries.forEach(e -> actions.add(e.get("action").asString()));
    assertThat(actions).containsExactly("workflow.deleted", "workflow.paused", "workflow.activated", "workflow.updated",
        "workflow.created");
    entries.forEach(e -> assertThat(e.get("actor").asString()).startsWith("apikey:"));
    assertThat(entries.get(3).get("detail").asString()).isEqualTo("“audited again”, started by the event " + trigger
        + ": Assign coupon → Send email");
  }

  @Test
  void webContentIsHandedOutOnceAndFetchingItMarksTheCodeSent() {
    long setId = createMultipleSet("popup", 2).get("id").asLong();
    String contact = unique("dora-");
    putContact(contact, null, "Dora");
    String trigger = unique("visit");
    long workflowId = activeWorkflow(trigger, List.of(assignNode(setId, "stop", null),
        Map.of("type", "send-web-content", "html", "<p>Code <b>{{coupon}}</b></p>")));

    event(contact, trigger);
    awaitTrue(Duration.ofSeconds(30), "the run to finish", () -> runs(workflowId, "finished").size() == 1);
    assertThat(set(setId).get("sent").asLong()).isZero();

    assertThat(webContent(contact, null).status()).isEqualTo(401);
    assertThat(set(setId).get("sent").asLong()).isZero();
    var first = webContent(contact);
    assertThat(first.status()).isEqualTo(200);
    String code = activity(contact, "coupon-assigned").get(0).get("code").asString();
    assertThat(first.json().get("items")).hasSize(1);
    assertThat(first.json().get("items").get(0).get("html").asString()).isEqualTo("<p>Code <b>" + code + "</b></p>");
    assertThat(set(setId).get("sent").asLong()).isEqualTo(1);
    assertThat(webContent(contact).json().get("items")).isEmpty();
  }

  @Test
  void aFailedEmailGivesBackTheCodeTheContactNeverSaw() {
    long setId = createMultipleSet("no email", 1).get("id").asLong();
    String contact = unique("eve-");
    putContact(contact, null, "Eve");
    String trigger = unique("ev");
    long workflowId = activeWorkflow(trigger, List.of(assignNode(setId, "stop", null),
        emailNode("Hi", "<b>{{coupon}}</b>")));

    event(contact, trigger);

    awaitTrue(Duration.ofSeconds(30), "the run to fail", () -> runs(workflowId, "failed").size() == 1);
    assertThat(set(setId).get("available").asLong()).isEqualTo(1);
    assertThat(activity(contact, "coupon-released")).hasSize(1);
    assertThat(activity(contact, "email-failed")).hasSize(1);
  }

  @Test
  void aPurchaseEventRedeemsItsCouponsAndTheTimelineShowsIt() {
    long setId = createMultipleSet("purchase", 2).get("id").asLong();
    String contact = unique("gus-");
    putContact(contact, "gus@example.test", "Gus");
    String code = assign(setId, contact).json().get("code").asString();

    var posted = api.post("/api/v1/events", Map.of("contactId", contact, "type", "purchase",
        "properties", Map.of("orderId", unique("order-"), "amount", 42.5, "currency", "EUR", "coupons", List.of(code))));

    assertThat(posted.status()).as(posted.text()).isEqualTo(201);
    assertThat(posted.json().get("redemptions").get(0).get("outcome").asString()).isEqualTo("redeemed");
    assertThat(set(setId).get("redeemed").asLong()).isEqualTo(1);
    List<JsonNode> redeemed = activity(contact, "coupon-redeemed");
    assertThat(redeemed).hasSize(1);
    assertThat(redeemed.get(0).get("code").asString()).isEqualTo(code);
  }

  @Test
  void onExhaustedStopEndsTheRunStopped() {
    long setId = createMultipleSet("empty", 0).get("id").asLong();
    String contact = unique("finn-");
    putContact(contact, "finn@example.test", "Finn");
    String trigger = unique("ev");
    long workflowId = activeWorkflow(trigger, List.of(assignNode(setId, "stop", null),
        emailNode("Hi", "<b>{{coupon}}</b>")));

    event(contact, trigger);

    awaitTrue(Duration.ofSeconds(30), "the run to stop", () -> runs(workflowId, "stopped").size() == 1);
    assertThat(activity(contact, "coupon-exhausted")).hasSize(1);
    assertThat(activity(contact, "email-sent")).isEmpty();
  }
}
