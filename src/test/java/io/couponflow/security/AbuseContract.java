package io.couponflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.Multipart;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What an attacker or a broken client sends: refused cleanly, nothing written, nothing leaked. */
abstract class AbuseContract extends ApiTest {

  @Test
  void everyApiEndpointRefusesCallsWithoutAKey() {
    List<String[]> operations = operations();
    assertThat(operations).hasSizeGreaterThan(15);
    ApiClient anonymous = api.withKey(null);
    for (String[] op : operations) {
      var request = anonymous.request(op[1]).method(op[0], HttpRequest.BodyPublishers.ofString("{}"))
          .header("Content-Type", "application/json");
      var response = anonymous.send(request);
      assertThat(response.status()).as(op[0] + " " + op[1]).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void aReadKeyCannotWrite() {
    String key = api.post("/api/v1/api-keys", Map.of("name", "reader", "scope", "read")).json().get("key").asString();
    ApiClient reader = api.withKey(key);
    for (String[] op : operations()) {
      if (op[0].equals("GET")) {
        continue;
      }
      var response = reader.send(reader.request(op[1]).method(op[0], HttpRequest.BodyPublishers.ofString("{}"))
          .header("Content-Type", "application/json"));
      assertThat(response.status()).as(op[0] + " " + op[1]).isEqualTo(403);
    }
  }

  @Test
  void oversizedBodiesAre413WhetherDeclaredOrStreamed() {
    String huge = "{\"codes\":[\"" + "A".repeat(3 * 1024 * 1024) + "\"]}";
    long setId = createMultipleSet("big body", 0).get("id").asLong();
    var declared = api.postRaw("/api/v1/coupon-sets/" + setId + "/codes", huge, "application/json");
    assertThat(declared.status()).isEqualTo(413);
    var chunked = api.send(api.request("/api/v1/coupon-sets/" + setId + "/codes")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
        .header("Content-Type", "application/json"));
    assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
    assertThat(set(setId).get("total").asLong()).isZero();
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutHarm() {
    String deep = "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"type\":\"multiple\"}";
    var response = api.postRaw("/api/v1/coupon-sets", deep, "application/json");
    assertThat(response.status()).isEqualTo(400);
    assertThat(api.get("/actuator/health").text()).contains("UP");
  }

  @Test
  void sqlMetacharactersInSearchAreJustText() {
    String name = unique("O'Brien \"quoted\" 100% _under_ \\back ");
    long id = createMultipleSet(name, 0).get("id").asLong();
    for (String q : List.of("'; DROP TABLE coupon_set; --", "%", "_", "\\", "' OR '1'='1", name)) {
      var found = api.get("/api/v1/coupon-sets?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
      assertThat(found.status()).as(q).isEqualTo(200);
    }
    JsonNode exact = api.get("/api/v1/coupon-sets?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).json();
    assertThat(exact.get("items").size()).isEqualTo(1);
    assertThat(exact.get("items").get(0).get("id").asLong()).isEqualTo(id);
    assertThat(api.get("/api/v1/coupon-sets?q=%25%25%25").json().get("items").toString()).doesNotContain("\"id\":" + id + ",");
  }

  @Test
  void htmlInNamesIsStoredAsTextAndEscapedInJson() {
    String name = "<script>alert('x')</script>";
    var created = api.post("/api/v1/coupon-sets", Map.of("name", name, "type", "multiple"));
    assertThat(created.json().get("name").asString()).isEqualTo(name);
    assertThat(created.contentType()).startsWith("application/json");
  }

  @Test
  void rateLimitedKeysGet429WithRetryAfter() {
    var created = api.post("/api/v1/api-keys", Map.of("name", "slow shop", "scope", "read", "rateLimitPerSecond", 1));
    ApiClient slow = api.withKey(created.json().get("key").asString());
    List<ApiClient.Response> responses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      responses.add(slow.get("/api/v1/coupon-sets?limit=1"));
    }
    assertThat(responses.get(0).status()).isEqualTo(200);
    assertThat(responses.get(0).headers().firstValue("RateLimit-Limit")).hasValue("1");
    ApiClient.Response limited = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
    assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
  }

  @Test
  void changesAreAuditedWithTheirActor() {
    long id = createMultipleSet("audited", 0).get("id").asLong();
    api.patch("/api/v1/coupon-sets/" + id, Map.of("name", "audited again"));
    api.get("/api/v1/coupon-sets/" + id + "/codes/export").text();
    api.delete("/api/v1/coupon-sets/" + id);
    JsonNode entries = api.get("/api/v1/audit-log?targetType=coupon-set&targetId=" + id).json().get("items");
    List<String> actions = new ArrayList<>();
    entries.forEach(e -> actions.add(e.get("action").asString()));
    assertThat(actions).containsExactly("coupon-set.deleted", "codes.exported", "coupon-set.updated", "coupon-set.created");
    assertThat(entries.get(0).get("actor").asString()).startsWith("apikey:");
  }

  @Test
  void repeatedFailedSignInsLockThatUserNameAndAddress() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    String location = null;
    for (int attempt = 1; attempt <= 6; attempt++) {
      String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
      assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
      String form = "username=mallory&password=guess" + attempt + "&_csrf=" + csrf.group(1);
      var response = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      location = response.headers().firstValue("Location").orElse("");
      if (attempt <= 5) {
        assertThat(location).endsWith("/login?error");
      }
    }
    assertThat(location).endsWith("/login?locked");
  }

  @Test
  void pagesSendSecurityHeaders() {
    var login = api.withKey(null).get("/login");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void brokenOrOversizedFormsOnPagesAreRefusedWithoutA500() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    var broken = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/coupons/import"))
        .header("Content-Type", "multipart/form-data; boundary=nope")
        .POST(HttpRequest.BodyPublishers.ofString("--other\r\nno headers at all")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(broken.statusCode()).as("no session, no CSRF token").isEqualTo(403);

    var oversized = http.send(new Multipart().field("text", "A1\n".repeat(1 << 20))
        .into(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/coupons/import"))
            .header("Referer", "http://localhost:" + port + "/coupons/import?setId=7")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(oversized.statusCode()).isEqualTo(302);
    assertThat(oversized.headers().firstValue("Location").orElse("")).endsWith("/coupons/import?setId=7&tooLarge=paste");
  }

  /** Every operation of the OpenAPI description under /api/, ids filled in. */
  private List<String[]> operations() {
    JsonNode paths = api.withKey(null).get("/v3/api-docs").json().get("paths");
    List<String[]> operations = new ArrayList<>();
    for (String path : paths.propertyNames()) {
      if (!path.startsWith("/api/")) {
        continue;
      }
      String concrete = path.replaceAll("\\{[^}]+}", "1");
      for (String method : paths.get(path).propertyNames()) {
        operations.add(new String[] {method.toUpperCase(), concrete});
      }
    }
    return operations;
  }
}
