package io.couponflow.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL: every node reads and writes the same rows, so nodes share one budget. A token is
 * taken in one statement (one round trip, under the row's lock) with GCRA, the token bucket kept
 * as one timestamp: the "theoretical arrival time" {@code tat} at which the bucket would be full
 * again. A token is there when {@code max(tat, now) + interval <= now + capacity * interval}.
 * Time is the database's {@code now()}, so skewed node clocks cannot mint tokens.
 */
class DatabaseRateLimitStore implements RateLimitStore {
  private static final String TAKE = """
      INSERT INTO rate_limit_bucket AS b (bucket_key, tat, last_allowed)
      VALUES (:bucket, now() + :interval * interval '1 microsecond', true)
      ON CONFLICT (bucket_key) DO UPDATE SET
        last_allowed = greatest(b.tat, now()) + :interval * interval '1 microsecond'
            <= now() + :tolerance * interval '1 microsecond',
        tat = CASE WHEN greatest(b.tat, now()) + :interval * interval '1 microsecond'
            <= now() + :tolerance * interval '1 microsecond'
          THEN greatest(b.tat, now()) + :interval * interval '1 microsecond' ELSE b.tat END
      RETURNING last_allowed, (extract(epoch FROM tat - now()) * 1000000)::bigint AS ahead_micros
      """;
  private static final String RECORD_FAILURE = """
      INSERT INTO sign_in_failure AS f (subject, window_start, failures) VALUES (:subject, :at, 1)
      ON CONFLICT (subject) DO UPDATE SET
        failures = CASE WHEN f.window_start > :windowOpen THEN f.failures + 1 ELSE 1 END,
        window_start = CASE WHEN f.window_start > :windowOpen THEN f.window_start ELSE :at END
      RETURNING failures
      """;

  private final JdbcClient jdbc;

  DatabaseRateLimitStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public BucketTake take(String bucket, BucketLimit limit) {
    long interval = micros(limit.tokenInterval());
    long tolerance = interval * limit.capacity();
    return jdbc.sql(TAKE).param("bucket", bucket).param("interval", interval).param("tolerance", tolerance)
        .query((rs, n) -> {
          long ahead = rs.getLong("ahead_micros");
          return rs.getBoolean("last_allowed")
              ? BucketTake.allowed(Math.max(0, (tolerance - ahead) / interval))
              : BucketTake.refused(Duration.ofNanos(Math.max(0, ahead + interval - tolerance) * 1000));
        })
        .single();
  }

  @Override
  public int recordFailedSignIn(String subject, Instant at, Duration window) {
    return jdbc.sql(RECORD_FAILURE).param("subject", subject).param("at", Timestamp.from(at))
        .param("windowOpen", Timestamp.from(at.minus(window))).query(Integer.class).single();
  }

  @Override
  public int failedSignIns(String subject, Instant now, Duration window) {
    return jdbc.sql("SELECT failures FROM sign_in_failure WHERE subject = ? AND window_start > ?")
        .params(subject, Timestamp.from(now.minus(window))).query(Integer.class).optional().orElse(0);
  }

  @Override
  public void forgetFailedSignIns(String subject) {
    jdbc.sql("DELETE FROM sign_in_failure WHERE subject = ?").param(subject).update();
  }

  @Override
  public void deleteExpired(Instant now, Duration signInWindow) {
    // a bucket whose arrival time has passed is full: the same as no row at all
    jdbc.sql("DELETE FROM rate_limit_bucket WHERE tat < now()").update();
    jdbc.sql("DELETE FROM sign_in_failure WHERE window_start <= ?").param(Timestamp.from(now.minus(signInWindow)))
        .update();
  }

  private static long micros(Duration duration) {
    return Math.max(1, duration.toNanos() / 1000);
  }
}
