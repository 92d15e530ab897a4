package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Fixtures for workflow tests: contacts, workflows, events, and polling with a deadline. */
abstract class WorkflowFixtures extends ApiTest {
  private static final Pattern BOLD = Pattern.compile("<b>([^<]*)</b>");

  protected JsonNode putContact(String id, String email, String firstName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", email);
    body.put("firstName", firstName);
    var put = api.send(api.request("/api/v1/contacts/" + id)
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json"));
    assertThat(put.status()).as(put.text()).isIn(200, 201);
    return put.json();
  }

  protected static Map<String, Object> assignNode(long setId, String onExhausted, String fallbackCode) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("type", "assign-coupon");
    node.put("couponSetId", setId);
    node.put("variable", "coupon");
    node.put("onExhausted", onExhausted);
    if (fallbackCode != null) {
      node.put("fallbackCode", fallbackCode);
    }
    return node;
  }

  protected static Map<String, Object> emailNode(String subject, String html) {
    return Map.of("type", "send-email", "subject", subject, "html", html);
  }

  protected long activeWorkflow(String trigger, List<Map<String, Object>> nodes) {
    var created = api.post("/api/v1/workflows", Map.of("name", "wf " + trigger, "trigger", Map.of("event", trigger),
        "nodes", nodes));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    var activated = api.post("/api/v1/workflows/" + id + "/activate", "");
    assertThat(activated.status()).as(activated.text()).isEqualTo(200);
    assertThat(activated.json().get("status").asString()).isEqualTo("active");
    return id;
  }

  protected ApiClient.Response event(String contactId, String type) {
    return api.post("/api/v1/events", Map.of("contactId", contactId, "type", type, "properties", Map.of()));
  }

  protected List<JsonNode> runs(long workflowId, String status) {
    String query = status == null ? "" : "&status=" + status;
    var page = api.get("/api/v1/workflows/" + workflowId + "/runs?limit=1000" + query);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    return page.json().get("items").valueStream().toList();
  }

  protected List<JsonNode> activity(String contactId, String type) {
    var page = api.get("/api/v1/contacts/" + contactId + "/activity" + (type == null ? "" : "?type=" + type));
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    return page.json().get("items").valueStream().toList();
  }

  protected static void awaitTrue(Duration timeout, String what, Callable<Boolean> condition) {
    Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition);
  }

  /** The body part of the given type of a multipart/alternative email. */
  protected static String part(MimeMessage message, String type) throws Exception {
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).isMimeType(type)) {
        return (String) parts.getBodyPart(i).getContent();
      }
    }
    throw new AssertionError("no " + type + " part in " + message.getContentType());
  }

  /** The text between the first <b> and </b> of an email: where the templates in these tests put the code. */
  protected static String boldText(MimeMessage message) {
    try {
      Matcher m = BOLD.matcher(part(message, "text/html"));
      assertThat(m.find()).as("email has a <b> element").isTrue();
      return m.group(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
