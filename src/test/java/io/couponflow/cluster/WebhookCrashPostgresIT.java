package io.couponflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.couponflow.support.ApiClient;
import io.couponflow.webhook.WebhookSignature;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two application JVMs on one PostgreSQL share the webhook deliveries; the receiver holds every
 * request while assignments commit on both nodes, so the events are committed but not delivered
 * (some in node b's hands) when b is killed with kill -9. Afterwards every committed assignment's
 * event reaches the receiver, signed, in order per set; nothing that did not commit is announced.
 */
class WebhookCrashPostgresIT {
  private static final String KEY = "cf_cluster_test_key_1234567890";
  private static final int SETS = 4;
  private static final int ASSIGNMENTS = 400;

  @Test
  void killingANodeBetweenCommitAndDeliveryLosesNoEvent() throws Exception {
    CountDownLatch open = new CountDownLatch(1);
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    AtomicInteger badSignatures = new AtomicInteger();
    AtomicInteger held = new AtomicInteger();
    String[] secret = new String[1];
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    ExecutorService receiverThreads = Executors.newFixedThreadPool(32);
    receiver.setExecutor(receiverThreads);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      try {
        if (open.getCount() > 0) {
          held.incrementAndGet();
          open.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (WebhookSignature.verify(secret[0], exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body,
          Instant.now().getEpochSecond(), 300)) {
        received.add(ApiClient.JSON.readTree(new String(body, StandardCharsets.UTF_8)));
      } else {
        badSignatures.incrementAndGet();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();

    ClusterDatabase db = ClusterDatabase.fresh("webhookcrash");
    // short leases and retries, so the test need not wait out production's minutes; node b sees the
    // subscription node a made at once (no subscriber cache)
    Map<String, String> env = Map.of("COUPONFLOW_WEBHOOKS_ALLOW_PRIVATE", "true", "COUPONFLOW_WEBHOOKS_LEASE", "5s",
        "COUPONFLOW_WEBHOOKS_TIMEOUT", "4s", "COUPONFLOW_WEBHOOKS_FIRST_RETRY", "1s",
        "COUPONFLOW_WEBHOOKS_LARGEST_RETRY", "2s", "COUPONFLOW_WEBHOOKS_SUBSCRIBER_CACHE_TTL", "0s");
    try (AppNode a = AppNode.start(db.url, KEY, "a", env); AppNode b = AppNode.start(db.url, KEY, "b", env)) {
      a.awaitHealthy(Duration.ofMinutes(3));
      b.awaitHealthy(Duration.ofMinutes(3));
      ApiClient nodeA = new ApiClient(a.port, KEY);
      ApiClient nodeB = new ApiClient(b.port, KEY);
      var subscription = nodeA.post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:"
          + receiver.getAddress().getPort() + "/hook", "events", List.of("coupon.assigned")));
      assertThat(subscription.status()).as(subscription.text()).isEqualTo(201);
      secret[0] = subscription.json().get("secret").asString();

      List<Long> sets = new ArrayList<>();
      for (int s = 0; s < SETS; s++) {
        long setId = nodeA.post("/api/v1/coupon-sets", Map.of("name", "hooks " + s, "type", "multiple",
            "assignmentPolicy", "new-each-time")).json().get("id").asLong();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < ASSIGNMENTS; i++) {
          codes.add("HOOK" + s + "-" + i);
        }
        nodeA.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", codes));
        sets.add(setId);
      }
      Set<Long> seen = ConcurrentHashMap.newKeySet();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      for (int i = 0; i < ASSIGNMENTS; i++) {
        int n = i;
        clients.submit(() -> {
          var r = (n % 2 == 0 ? nodeA : nodeB).post("/api/v1/coupon-sets/" + sets.get(n % SETS) + "/assignments",
              Map.of("contactId", "hook-" + n));
          if (r.status() == 201) {
            seen.add(r.json().get("id").asLong());
          }
        });
      }
      clients.shutdown();
      assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
      assertThat(seen).hasSize(ASSIGNMENTS);
      // b holds lanes: it has sent their first events and waits for the answers
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> db.single(
          "SELECT COUNT(*) FROM webhook_delivery WHERE leased_by = 'b' AND leased_until > now()") > 0 && held.get() >= 2);
      assertThat(received).as("nothing delivered yet: the receiver holds every request").isEmpty();

      b.kill();
      open.countDown();

      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
          .until(() -> db.single("SELECT COUNT(*) FROM webhook_delivery WHERE status <> 'delivered'") == 0);
      assertThat(badSignatures.get()).isZero();

      Map<String, Long> setOfEvent = new LinkedHashMap<>();
      List<String> eventIds = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(db.url, "postgres", ""); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT event_id, lane FROM webhook_delivery ORDER BY id")) {
        while (rs.next()) {
          eventIds.add(rs.getString(1));
          setOfEvent.put(rs.getString(1), rs.getLong(2));
        }
      }
      assertThat(eventIds).as("one event per committed assignment, nothing else").hasSize(ASSIGNMENTS)
          .doesNotHaveDuplicates();
      Set<Long> announced = new LinkedHashSet<>();
      received.forEach(e -> announced.add(e.get("data").get("assignmentId").asLong()));
      assertThat(announced).as("every assignment arrived, and only those").containsExactlyInAnyOrderElementsOf(seen);
      assertThat(db.single("SELECT COUNT(*) FROM assignment")).isEqualTo(ASSIGNMENTS);

      for (long set : sets) {
        List<String> expected = eventIds.stream().filter(id -> setOfEvent.get(id) == set).toList();
        List<String> firstArrivals = new ArrayList<>(new LinkedHashSet<>(received.stream()
            .map(e -> e.get("id").asString()).filter(id -> setOfEvent.get(id) == set).toList()));
        assertThat(firstArrivals).as("set " + set + " in order").isEqualTo(expected);
      }
    } finally {
      open.countDown();
      receiver.stop(0);
      receiverThreads.shutdownNow();
    }
  }
}
