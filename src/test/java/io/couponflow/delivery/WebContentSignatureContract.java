package io.couponflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.common.Hashing;
import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.SettableClock;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** /web/** answers only a signed contact id, and only to the allowed origins; on H2 and PostgreSQL. */
abstract class WebContentSignatureContract extends ApiTest {
  private static final String SHOP = "https://shop.example";

  @Autowired
  private WebContentInbox inbox;
  @Autowired
  private WebOrigins origins;
  @Autowired
  private SettableClock clock;

  @AfterEach
  void anyOriginAndRealTimeAgain() {
    origins.replace(List.of());
    clock.reset();
  }

  /** A popup waiting for the contact, showing a code assigned to them; returns the set's id. */
  private long pendingPopup(String contact) {
    long setId = createMultipleSet("web " + contact, 2).get("id").asLong();
    JsonNode assignment = assign(setId, contact).json();
    String code = assignment.get("code").asString();
    inbox.queue(null, null, contact, "<p>Your code <b>" + code + "</b></p>", List.of(assignment.get("id").asLong()),
        List.of(code));
    return setId;
  }

  @Test
  void unsignedWronglySignedAndOtherContactSignedRequestsAre401AndThePopupStaysPending() {
    String contact = unique("c-");
    String other = unique("c-");
    long setId = pendingPopup(contact);
    String wrongSecret = Hashing.hmacSha256Hex("not-the-web-secret", contact);

    for (String signature : new String[] {null, "", "abc", wrongSecret, webSignature(other), "0".repeat(64),
        webSignature(contact).substring(1) + "0", webSignature(contact) + "00"}) {
      var refused = webContent(contact, signature);
      assertThat(refused.status()).as("signature %s", signature).isEqualTo(401);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("type").asString()).endsWith("/invalid-signature");
      assertThat(refused.text()).doesNotContain("<b>");
    }
    assertThat(set(setId).get("sent").asLong()).isZero();

    var shown = webContent(contact);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().get("items")).hasSize(1);
  }

  @Test
  void theSignedRequestGetsThePopupOnceAndMarksItsCodeSent() {
    String contact = unique("c-");
    long setId = pendingPopup(contact);

    var first = webContent(contact, webSignature(contact).toUpperCase(Locale.ROOT));
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    JsonNode items = first.json().get("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("html").asString()).contains(items.get(0).get("codes").get(0).asString());
    assertThat(set(setId).get("sent").asLong()).isEqualTo(1);

    assertThat(webContent(contact).json().get("items")).isEmpty();
    assertThat(set(setId).get("sent").asLong()).isEqualTo(1);
  }

  @Test
  void aRotatedSecretKeepsWorkingForTheGracePeriodThenStops() {
    // whole seconds: the database keeps microseconds
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    clock.set(now);
    String contact = unique("c-");
    String signedBefore = webSignature(contact);
    int generation = webSecrets.current().generation();

    var rotated = webSecrets.rotate(generation);
    assertThat(rotated.generation()).isEqualTo(generation + 1);
    assertThat(rotated.secret()).matches("[0-9a-f]{64}");
    assertThat(webSignature(contact)).isNotEqualTo(signedBefore);
    assertThat(rotated.previousValidUntil()).isEqualTo(now.plus(Duration.ofHours(24)));

    assertThat(webContent(contact, signedBefore).status()).isEqualTo(200);
    assertThat(webContent(contact).status()).isEqualTo(200);
    clock.set(now.plus(Duration.ofHours(23)));
    assertThat(webContent(contact, signedBefore).status()).isEqualTo(200);
    clock.set(now.plus(Duration.ofHours(24)).plusSeconds(1));
    assertThat(webContent(contact, signedBefore).status()).isEqualTo(401);
    assertThat(webContent(contact).status()).isEqualTo(200);
    assertThat(webSecrets.current().previousValidUntil()).isNull();
  }

  @Test
  void rotatingTheSameGenerationTwiceMakesOneNewSecretAndOneAuditEntry() {
    int generation = webSecrets.current().generation();
    var first = webSecrets.rotate(generation);
    var again = webSecrets.rotate(generation);
    assertThat(again.generation()).isEqualTo(generation + 1);
    assertThat(again.secret()).isEqualTo(first.secret());

    JsonNode entries = api.get("/api/v1/audit-log?targetType=web-secret&targetId=" + (generation + 1)).json()
        .get("items");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("action").asString()).isEqualTo("web-secret.rotated");
    assertThat(entries.get(0).get("detail").asString()).doesNotContain(first.secret());
  }

  @Test
  void withoutConfiguredOriginsAnyOriginMayReadIt() {
    String contact = unique("c-");
    var answer = fromOrigin(contact, "https://any-shop.example");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void configuredOriginsAreEchoedAndEveryOtherOriginGetsNoGrantAndMarksNothingSent() {
    origins.replace(List.of(SHOP + "/", " https://www.shop.example "));
    String contact = unique("c-");
    long setId = pendingPopup(contact);

    var evil = fromOrigin(contact, "https://evil.example");
    assertThat(evil.status()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    var lookalike = fromOrigin(contact, SHOP + ".evil.example");
    assertThat(lookalike.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(fromOrigin(contact, "http://shop.example").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(set(setId).get("sent").asLong()).isZero();

    var shop = fromOrigin(contact, SHOP);
    assertThat(shop.status()).isEqualTo(200);
    assertThat(shop.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
    assertThat(shop.headers().allValues("Vary").toString()).contains("Origin");
    assertThat(shop.json().get("items")).hasSize(1);
    assertThat(fromOrigin(contact, "https://www.shop.example").headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://www.shop.example");
  }

  @Test
  void thePreflightGrantsTheListedOriginItsMethodsAndHeadersAndNoOtherOrigin() {
    origins.replace(List.of(SHOP));
    var allowed = preflight(SHOP);
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT))
        .contains("content-type");
    assertThat(allowed.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
    assertThat(allowed.headers().allValues("Vary").toString()).contains("Origin");

    var refused = preflight("https://evil.example");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    origins.replace(List.of());
    assertThat(preflight("https://evil.example").headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  void anApiPreflightIsNotAnsweredByTheWebRules() {
    ApiClient anonymous = api.withKey(null);
    var preflight = anonymous.send(anonymous.request("/api/v1/coupon-sets")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", SHOP).header("Access-Control-Request-Method", "GET"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private ApiClient.Response fromOrigin(String contact, String origin) {
    ApiClient anonymous = api.withKey(null);
    return anonymous.send(anonymous.request("/web/v1/content?contactId=" + contact + "&signature="
        + webSignature(contact)).GET().header("Origin", origin));
  }

  private ApiClient.Response preflight(String origin) {
    ApiClient anonymous = api.withKey(null);
    return anonymous.send(anonymous.request("/web/v1/content")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "content-type"));
  }
}
