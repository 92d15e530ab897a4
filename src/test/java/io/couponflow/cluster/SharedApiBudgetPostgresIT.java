package io.couponflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two application JVMs on one PostgreSQL, one API key limited to 5 calls a second (burst of one
 * second's worth), called as fast as eight clients can on both nodes: together they accept what
 * one bucket allows over the run (its capacity plus what it regains, plus one refill of slack),
 * not the twice as much two buckets of their own would. The run lasts at least three seconds and
 * until the calls made are enough to tell the two apart (slow machines get more time).
 */
class SharedApiBudgetPostgresIT {
  private static final String KEY = "cf_cluster_test_key_1234567890";
  private static final int PER_SECOND = 5;
  private static final Duration AT_LEAST = Duration.ofSeconds(3);
  private static final Duration AT_MOST = Duration.ofSeconds(60);

  @Test
  void twoNodesShareOneApiKeysBudget() throws Exception {
    ClusterDatabase db = ClusterDatabase.fresh("ratelimit");
    Map<String, String> env = Map.of("COUPONFLOW_RATE_LIMIT_PER_SECOND", String.valueOf(PER_SECOND),
        "COUPONFLOW_RATE_LIMIT_BURST_SECONDS", "1");
    try (AppNode a = AppNode.start(db.url, KEY, "a", env); AppNode b = AppNode.start(db.url, KEY, "b", env)) {
      a.awaitHealthy(Duration.ofMinutes(3));
      b.awaitHealthy(Duration.ofMinutes(3));
      List<ApiClient> nodes = List.of(new ApiClient(a.port, KEY), new ApiClient(b.port, KEY));
      Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
      AtomicInteger calls = new AtomicInteger();
      for (int i = 0; i < 10; i++) {
        assertThat(nodes.get(i % 2).get("/api/v1/coupon-sets?limit=1").status()).as("warm-up").isIn(200, 429);
      }

      ExecutorService clients = Executors.newFixedThreadPool(8);
      long started = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        int client = c;
        running.add(clients.submit(() -> {
          for (int call = 0; keepCalling(started, calls.get()); call++) {
            int node = (client + call) % 2;
            var response = nodes.get(node).get("/api/v1/coupon-sets?limit=1");
            calls.incrementAndGet();
            counts.computeIfAbsent(node + ":" + response.status(), k -> new AtomicInteger()).incrementAndGet();
          }
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      clients.shutdown();

      int acceptedA = count(counts, "0:200");
      int acceptedB = count(counts, "1:200");
      int accepted = acceptedA + acceptedB;
      assertThat(counts.keySet()).as("only 200 and 429: %s", counts).allMatch(k -> k.endsWith(":200") || k.endsWith(":429"));
      assertThat(acceptedA).as("node a accepted some: %s", counts).isPositive();
      assertThat(acceptedB).as("node b accepted some: %s", counts).isPositive();
      assertThat(count(counts, "0:429") + count(counts, "1:429")).as("the limit was reached: %s", counts).isPositive();
      // one bucket: its capacity, what it regains over the run, and one refill of slack
      assertThat(accepted).as("%s in %.2f s", counts, seconds)
          .isLessThanOrEqualTo(oneBucketsBudget(seconds) + PER_SECOND);
      assertThat(calls.get()).as("enough calls that two buckets would have accepted more")
          .isGreaterThanOrEqualTo(2 * oneBucketsBudget(seconds) + PER_SECOND);
    }
  }

  /** Until three seconds passed and twice one bucket's budget was asked for, so two buckets would have shown. */
  private static boolean keepCalling(long started, int calls) {
    double seconds = (System.nanoTime() - started) / 1e9;
    return seconds < AT_MOST.toSeconds()
        && (seconds < AT_LEAST.toSeconds() || calls < 2 * oneBucketsBudget(seconds) + 4 * PER_SECOND);
  }

  /** What one bucket hands out over {@code seconds}: full capacity, then the refill. */
  private static int oneBucketsBudget(double seconds) {
    return (int) Math.ceil(PER_SECOND + PER_SECOND * seconds);
  }

  private static int count(Map<String, AtomicInteger> counts, String key) {
    AtomicInteger n = counts.get(key);
    return n == null ? 0 : n.get();
  }
}
