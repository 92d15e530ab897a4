package io.couponflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.OnPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OnPostgres
class RateLimitPostgresIT extends RateLimitContract {
  @Autowired JdbcClient jdbc;

  /** The database keeps every open window; a few thousand names show no flood clears them. */
  @Override
  int distinctNamesInTheFlood() {
    return 3_000;
  }

  /**
   * Two nodes' leases (two stores) on one bucket of 400 a second, which leases up to 20 tokens:
   * together they accept what the bucket holds and regains, within one refill either way, with far
   * fewer round trips than takes.
   */
  @Test
  void twoNodesTakingThroughLeasesStayWithinOneRefillOfOneBucket() throws Exception {
    BucketLimit limit = BucketLimit.perSecond(400, 1);
    assertThat(TokenLeases.mostLeased(limit)).isEqualTo(20);
    String bucket = "test-leases:" + ThreadLocalRandom.current().nextLong();
    AtomicLong roundTrips = new AtomicLong();
    List<TokenLeases> nodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      DatabaseRateLimitStore store = new DatabaseRateLimitStore(jdbc);
      nodes.add(new TokenLeases((b, l, want) -> {
        roundTrips.incrementAndGet();
        return store.grant(b, l, want);
      }));
    }
    AtomicLong accepted = new AtomicLong();
    AtomicLong takes = new AtomicLong();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    long started = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      TokenLeases node = nodes.get(c % 2);
      running.add(callers.submit(() -> {
        while (System.nanoTime() - started < 2_000_000_000L) {
          takes.incrementAndGet();
          if (node.take(bucket, limit).allowed()) {
            accepted.incrementAndGet();
          }
        }
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    callers.shutdown();

    long oneBucket = (long) Math.ceil(400 + 400 * seconds);
    assertThat(accepted.get()).as("accepted in %.2f s", seconds).isBetween(oneBucket - 400, oneBucket + 400);
    assertThat(roundTrips.get()).as("%s round trips for %s accepted of %s takes", roundTrips, accepted, takes)
        .isLessThan(accepted.get() / 3);
  }
}
