package io.couponflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.SettableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Outbound webhooks end to end: the subscription API and its problems, events of every kind reaching
 * a signed receiver that fails twice first (every id at least once, in order per set), a receiver
 * that is down (pending with attempts logged, failed after 24 hours), manual redelivery, and events
 * of a rolled-back change never announced.
 */
abstract class WebhookContract extends ApiTest {
  private static final List<String> ALL_TYPES = List.of("coupon.assigned", "coupon.sent", "coupon.redeemed",
      "coupon.released", "coupon-set.exhausted", "coupon-set.alert", "import.finished", "import.failed");

  @Autowired
  SettableClock clock;

  @Autowired
  DeliverySignal signal;

  @Autowired
  WebhookOutbox outbox;

  @Autowired
  org.springframework.transaction.support.TransactionTemplate tx;

  private HttpServer receiver;
  private final List<Long> subscriptions = new ArrayList<>();

  /** What the receiver got, in arrival order, with signatures checked. */
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger badSignatures = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String secret;

  @AfterEach
  void cleanUp() {
    subscriptions.forEach(id -> api.delete("/api/v1/webhooks/" + id));
    if (receiver != null) {
      receiver.stop(0);
    }
    clock.reset();
  }

  /** A receiver that answers 500 to its first {@code failFirst} requests and 200 after. */
  private String startReceiver(int failFirst) throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int n = requests.incrementAndGet();
      String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
      // the app signs with its (test-moved) clock: check t against it
      if (WebhookSignature.verify(secret, header, body, clock.instant().getEpochSecond(), 300)) {
        if (n > failFirst) {
          received.add(ApiClient.JSON.readTree(new String(body, StandardCharsets.UTF_8)));
        }
      } else {
        badSignatures.incrementAndGet();
      }
      exchange.sendResponseHeaders(n <= failFirst ? 500 : 200, -1);
      exchange.close();
    });
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private JsonNode subscribe(String url, List<String> events) {
    var created = api.post("/api/v1/webhooks", Map.of("url", url, "events", events));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    subscriptions.add(created.json().get("id").asLong());
    secret = created.json().get("secret").asString();
    return created.json();
  }

  /** The subscription's deliveries of these sets, oldest first. */
  private List<JsonNode> log(long subscriptionId, Set<Long> setIds) {
    List<JsonNode> items = new ArrayList<>();
    api.get("/api/v1/webhooks/" + subscriptionId + "/deliveries?limit=1000").json().get("items")
        .forEach(d -> {
          if (setIds.contains(d.get("couponSetId").asLong())) {
            items.add(d);
          }
        });
    java.util.Collections.reverse(items);
    return items;
  }

  /** Moves the app's clock past the next backoff and wakes the workers, until the condition holds. */
  private void awaitMovingTime(String what, Duration step, Callable<Boolean> condition) {
    Instant[] now = {clock.instant()};
    Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      if (condition.call()) {
        return true;
      }
      now[0] = now[0].plus(step);
      clock.set(now[0]);
      signal.wakeAll(4);
      return false;
    });
  }

  @Test
  void theSubscriptionApiShowsTheSecretOnceAndRefusesBadInputWithProblems() {
    JsonNode created = subscribe("https://shop.example/hooks/coupons", List.of("coupon.assigned", "coupon.redeemed"));
    long id = created.get("id").asLong();
    assertThat(created.get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
    assertThat(created.get("events").values().stream().map(JsonNode::asString).toList())
        .containsExactly("coupon.assigned", "coupon.redeemed");

    JsonNode read = api.get("/api/v1/webhooks/" + id).json();
    assertThat(read.has("secret")).isFalse();
    assertThat(read.get("url").asString()).isEqualTo("https://shop.example/hooks/coupons");
    assertThat(api.get("/api/v1/webhooks").text()).contains("shop.example").doesNotContain(secret);

    var patched = api.patch("/api/v1/webhooks/" + id, Map.of("events", List.of("coupon-set.exhausted")));
    assertThat(patched.status()).as(patched.text()).isEqualTo(200);
    assertThat(patched.json().get("events").get(0).asString()).isEqualTo("coupon-set.exhausted");
    assertThat(patched.json().get("url").asString()).isEqualTo("https://shop.example/hooks/coupons");

    var unknown = api.post("/api/v1/webhooks", Map.of("url", "https://shop.example/x", "events", List.of("coupon.eaten")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().get("detail").asString()).contains("coupon.eaten").contains("coupon.assigned");
    var none = api.post("/api/v1/webhooks", Map.of("url", "https://shop.example/x", "events", List.of()));
    assertThat(none.status()).isEqualTo(400);
    var ftp = api.post("/api/v1/webhooks", Map.of("url", "ftp://shop.example/x", "events", List.of("coupon.sent")));
    assertThat(ftp.status()).isEqualTo(400);
    assertThat(ftp.json().get("detail").asString()).contains("https://");
    assertThat(api.patch("/api/v1/webhooks/" + id, Map.of("url", "not a url")).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/webhooks/999999").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/webhooks/999999/deliveries").status()).isEqualTo(404);

    assertThat(api.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);
  }

  @Test
  void everyEventArrivesSignedAndInOrderPerSetThoughTheReceiverFailsTwiceFirst() throws IOException {
    long subscriptionId = subscribe(startReceiver(2), ALL_TYPES).get("id").asLong();
    long setA = createMultipleSet("hooks-a", 3, "new-each-time").get("id").asLong();
    long setB = createMultipleSet("hooks-b", 2, "new-each-time").get("id").asLong();

    List<Long> aAssignments = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      aAssignments.add(assign(setA, "hook-a" + i).json().get("id").asLong());
      assign(setB, "hook-b" + i);
    }
    assertThat(assign(setA, "hook-a-late").status()).as("set A ran out").isEqualTo(409);
    assertThat(assign(setA, "hook-a-later").status()).isEqualTo(409);
    var sent = api.post("/api/v1/assignments/" + aAssignments.get(0) + "/sent", "");
    assertThat(sent.status()).as(sent.text()).isEqualTo(200);
    String code = api.get("/api/v1/assignments/" + aAssignments.get(0)).json().get("code").asString();
    var redeemed = api.post("/api/v1/redemptions", Map.of("code", code, "orderId", "order-hooks-1"));
    assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
    assertThat(api.post("/api/v1/assignments/" + aAssignments.get(1) + "/release", "").status()).isEqualTo(200);

    Set<Long> sets = Set.of(setA, setB);
    List<JsonNode> log = log(subscriptionId, sets);
    Map<Long, List<String>> types = new LinkedHashMap<>();
    log.forEach(d -> types.computeIfAbsent(d.get("couponSetId").asLong(), k -> new ArrayList<>())
        .add(d.get("type").asString()));
    assertThat(types.get(setA)).containsExactly("coupon.assigned", "coupon.assigned", "coupon.assigned",
        "coupon-set.exhausted", "coupon.sent", "coupon.redeemed", "coupon.released");
    // B handed out both codes; the third call found it empty
    assertThat(types.get(setB)).containsExactly("coupon.assigned", "coupon.assigned", "coupon-set.exhausted");

    awaitMovingTime("every event delivered", Duration.ofSeconds(40), () -> log(subscriptionId, sets).stream()
        .allMatch(d -> d.get("status").asString().equals("delivered")));

    assertThat(badSignatures.get()).isZero();
    for (long set : sets) {
      List<String> expected = log(subscriptionId, Set.of(set)).stream().map(d -> d.get("eventId").asString()).toList();
      List<String> firstArrivals = new ArrayList<>(new LinkedHashSet<>(received.stream()
          .filter(e -> e.get("data").get("couponSetId").asLong() == set).map(e -> e.get("id").asString()).toList()));
      assertThat(firstArrivals).as("set " + set + ": each event at least once, in order").isEqualTo(expected);
    }
    JsonNode assigned = received.stream().filter(e -> e.get("type").asString().equals("coupon.assigned")
        && e.get("data").get("couponSetId").asLong() == setA).findFirst().orElseThrow();
    assertThat(assigned.get("data").get("contactId").asString()).isEqualTo("hook-a0");
    assertThat(assigned.get("data").get("code").asString()).startsWith("C");
    assertThat(assigned.get("at").asString()).isNotBlank();

    // the two 500s are in the log, with the 200 that followed
    List<JsonNode> retried = log(subscriptionId, sets).stream().filter(d -> d.get("attempts").asInt() > 1).toList();
    assertThat(retried).isNotEmpty();
    int fiveHundreds = 0;
    for (JsonNode d : retried) {
      JsonNode detail = api.get("/api/v1/webhooks/" + subscriptionId + "/deliveries/" + d.get("id").asLong()).json();
      List<Integer> codes = new ArrayList<>();
      detail.get("attempts").forEach(a -> codes.add(a.get("responseCode").asInt()));
      assertThat(codes.get(codes.size() - 1)).isEqualTo(200);
      fiveHundreds += (int) codes.stream().filter(c -> c == 500).count();
      assertThat(d.get("responseCode").asInt()).isEqualTo(200);
    }
    assertThat(fiveHundreds).isEqualTo(2);
  }

  @Test
  void aReceiverThatIsDownLeavesEventsPendingWithAttemptsLoggedAndFailedAfterADay() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    long subscriptionId = subscribe("http://127.0.0.1:" + closedPort + "/down", List.of("coupon.assigned"))
        .get("id").asLong();
    long set = createMultipleSet("hooks-down", 3, "new-each-time").get("id").asLong();
    for (int i = 0; i < 3; i++) {
      assign(set, "down-" + i);
    }
    awaitMovingTime("three attempts of the first event", Duration.ofMinutes(5), () -> log(subscriptionId, Set.of(set))
        .get(0).get("attempts").asInt() >= 3);
    List<JsonNode> log = log(subscriptionId, Set.of(set));
    assertThat(log).hasSize(3).allMatch(d -> d.get("status").asString().equals("pending"));
    assertThat(log.get(0).get("lastError").asString()).contains("Connect");
    assertThat(log.get(0).get("nextAttemptAt").asString()).isNotBlank();
    assertThat(log.subList(1, 3)).as("later events of the set wait for the first")
        .allMatch(d -> d.get("attempts").asInt() == 0);
    JsonNode detail = api.get("/api/v1/webhooks/" + subscriptionId + "/deliveries/" + log.get(0).get("id").asLong())
        .json();
    assertThat(detail.get("attempts").size()).isGreaterThanOrEqualTo(3);
    assertThat(detail.get("attempts").get(0).get("responseCode").isNull()).isTrue();
    assertThat(detail.get("payload").asString()).contains("\"type\":\"coupon.assigned\"");

    awaitMovingTime("all failed after 24 hours", Duration.ofHours(2), () -> log(subscriptionId, Set.of(set)).stream()
        .allMatch(d -> d.get("status").asString().equals("failed")));
    assertThat(log(subscriptionId, Set.of(set))).allMatch(d -> d.get("attempts").asInt() >= 1);
  }

  @Test
  void aDeliveryCanBeSentAgainWithTheSameEventId() throws IOException {
    long subscriptionId = subscribe(startReceiver(0), List.of("coupon.assigned")).get("id").asLong();
    long set = createMultipleSet("hooks-again", 1).get("id").asLong();
    assign(set, "again-1");
    awaitMovingTime("delivered", Duration.ofSeconds(1), () -> received.size() == 1);
    JsonNode first = log(subscriptionId, Set.of(set)).get(0);
    var again = api.post("/api/v1/webhooks/" + subscriptionId + "/deliveries/" + first.get("id").asLong()
        + "/redeliver", "");
    assertThat(again.status()).as(again.text()).isEqualTo(202);
    assertThat(again.json().get("eventId").asString()).isEqualTo(first.get("eventId").asString());
    awaitMovingTime("delivered again", Duration.ofSeconds(1), () -> received.size() == 2);
    assertThat(received.get(1).get("id").asString()).isEqualTo(received.get(0).get("id").asString());
    assertThat(api.post("/api/v1/webhooks/" + subscriptionId + "/deliveries/999999/redeliver", "").status())
        .isEqualTo(404);
  }

  @Test
  void anEventOfAChangeThatRolledBackIsNeverAnnounced() throws IOException {
    long subscriptionId = subscribe(startReceiver(0), List.of("coupon.assigned")).get("id").asLong();
    long set = createMultipleSet("hooks-rollback", 1).get("id").asLong();
    tx.executeWithoutResult(status -> {
      outbox.announce(WebhookEventType.COUPON_ASSIGNED, set, Map.of("contactId", "rolled-back"));
      status.setRollbackOnly();
    });
    tx.executeWithoutResult(status -> outbox.announce(WebhookEventType.COUPON_ASSIGNED, set,
        Map.of("contactId", "committed")));
    awaitMovingTime("delivered", Duration.ofSeconds(1), () -> received.size() == 1);
    assertThat(log(subscriptionId, Set.of(set))).hasSize(1);
    assertThat(received.get(0).get("data").get("contactId").asString()).isEqualTo("committed");
  }
}
