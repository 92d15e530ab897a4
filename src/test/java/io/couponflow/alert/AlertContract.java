package io.couponflow.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.couponflow.common.Hashing;
import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.SettableClock;
import io.couponflow.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Alerts fire once per crossing, reach a signed webhook, and a failing webhook is retried then marked failed. */
abstract class AlertContract extends ApiTest {
  private static final String SECRET = "receiver-secret-0123456789";

  @Autowired
  AlertService alerts;

  @Autowired
  SettableClock clock;

  private HttpServer receiver;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger badSignatures = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int answer = 200;
  private long webhookId;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      calls.incrementAndGet();
      // the old alert-webhook signature, and the webhooks' own
      String legacy = exchange.getRequestHeaders().getFirst(WebhookSignature.LEGACY_HEADER);
      String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
      if (("sha256=" + Hashing.hmacSha256Hex(SECRET, body)).equals(legacy)
          && WebhookSignature.verify(SECRET, signature, body, clock.instant().getEpochSecond(), 300)) {
        JsonNode event = ApiClient.JSON.readTree(new String(body, StandardCharsets.UTF_8));
        assertThat(event.get("type").asString()).isEqualTo("coupon-set.alert");
        received.add(event.get("data"));
      } else {
        badSignatures.incrementAndGet();
      }
      exchange.sendResponseHeaders(answer, -1);
      exchange.close();
    });
    receiver.start();
    var created = api.post("/api/v1/alert-webhooks", Map.of("url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "secret", SECRET));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    webhookId = created.json().get("id").asLong();
  }

  @AfterEach
  void stopReceiver() {
    api.delete("/api/v1/alert-webhooks/" + webhookId);
    receiver.stop(0);
    clock.reset();
  }

  private long alert(long setId, String kind, double threshold) {
    var created = api.post("/api/v1/coupon-sets/" + setId + "/alerts", Map.of("kind", kind, "threshold", threshold));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private List<JsonNode> receivedFor(long setId) {
    return received.stream().filter(p -> p.get("couponSetId").asLong() == setId).toList();
  }

  private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
    Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition);
  }

  @Test
  void crossingTheThresholdFiresExactlyOnceAndAgainOnlyAfterItCleared() {
    long setId = createMultipleSet("alerting", 10, "new-each-time").get("id").asLong();
    long alertId = alert(setId, "available-below", 5);
    assertThat(alerts.evaluate(setId, clock.instant())).isZero();

    List<Long> assignments = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      assignments.add(assign(setId, "a" + i).json().get("id").asLong());
    }
    assertThat(alerts.evaluate(setId, clock.instant())).isEqualTo(1);
    assertThat(alerts.evaluate(setId, clock.instant())).isZero();
    assertThat(alerts.evaluateAll(clock.instant())).isGreaterThanOrEqualTo(0);
    await("the webhook", () -> receivedFor(setId).size() == 1);
    JsonNode payload = receivedFor(setId).get(0);
    assertThat(payload.get("kind").asString()).isEqualTo("available-below");
    assertThat(payload.get("observed").asDouble()).isEqualTo(4.0);
    assertThat(badSignatures.get()).isZero();

    api.post("/api/v1/assignments/" + assignments.get(0) + "/release", "");
    api.post("/api/v1/assignments/" + assignments.get(1) + "/release", "");
    assertThat(alerts.evaluate(setId, clock.instant())).isZero();
    JsonNode state = api.get("/api/v1/coupon-sets/" + setId + "/alerts").json().get("items").get(0);
    assertThat(state.get("firing").asBoolean()).isFalse();
    assertThat(state.get("firedCount").asLong()).isEqualTo(1);

    assign(setId, "b1");
    assign(setId, "b2");
    assertThat(api.post("/api/v1/coupon-sets/" + setId + "/alerts/evaluate", "").json().get("items").get(0)
        .get("firing").asBoolean()).isTrue();
    await("the second webhook", () -> receivedFor(setId).size() == 2);
    var deliveries = api.get("/api/v1/coupon-sets/" + setId + "/alerts/" + alertId + "/deliveries").json().get("items");
    assertThat(deliveries).hasSize(2);
    await("delivered status", () -> api.get("/api/v1/coupon-sets/" + setId + "/alerts/" + alertId + "/deliveries")
        .json().get("items").get(1).get("status").asString().equals("delivered"));
  }

  @Test
  void aFailingWebhookIsRetriedWithBackoffThenMarkedFailedAfterADay() {
    answer = 503;
    long setId = createMultipleSet("alert-fail", 2).get("id").asLong();
    long alertId = alert(setId, "available-below-percent", 60);
    assign(setId, "f1");
    assertThat(alerts.evaluate(setId, clock.instant())).isEqualTo(1);

    String path = "/api/v1/coupon-sets/" + setId + "/alerts/" + alertId + "/deliveries";
    await("a first attempt", () -> api.get(path).json().get("items").get(0).get("attempts").asInt() >= 1);
    JsonNode pending = api.get(path).json().get("items").get(0);
    assertThat(pending.get("channel").asString()).isEqualTo("webhook");
    assertThat(pending.get("status").asString()).isEqualTo("pending");
    assertThat(pending.get("lastError").asString()).isEqualTo("HTTP 503");

    // retried with a growing delay for 24 hours: move the clock instead of waiting
    Instant[] now = {clock.instant()};
    await("the delivery to fail", () -> {
      now[0] = now[0].plus(Duration.ofHours(3));
      clock.set(now[0]);
      return api.get(path).json().get("items").get(0).get("status").asString().equals("failed");
    });
    JsonNode delivery = api.get(path).json().get("items").get(0);
    assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(delivery.get("lastError").asString()).isEqualTo("HTTP 503");
    assertThat(calls.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void forecastAndExpiryAlertsUseTheTimeTheyAreEvaluatedAt() {
    long setId = createMultipleSet("alert-forecast", 10, "new-each-time").get("id").asLong();
    Instant now = clock.instant();
    for (int i = 0; i < 7; i++) {
      assign(setId, "fc" + i);
    }
    alert(setId, "days-left-below", 4);
    // 3 codes left at 1 a day over the last 7 days: 3 days left
    assertThat(alerts.evaluate(setId, now)).isEqualTo(1);
    assertThat(alerts.evaluate(setId, now.plus(Duration.ofDays(8)))).isZero();

    alert(setId, "expires-within-days", 3);
    api.patch("/api/v1/coupon-sets/" + setId, Map.of("expiresAt", now.plus(Duration.ofDays(10)).toString()));
    assertThat(alerts.evaluate(setId, now)).isEqualTo(1);
    assertThat(alerts.evaluate(setId, now.plus(Duration.ofDays(8)))).isEqualTo(1);
  }
}
