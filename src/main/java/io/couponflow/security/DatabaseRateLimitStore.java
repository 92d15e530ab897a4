package io.couponflow.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL: every node reads and writes the same rows, so nodes share one budget. Tokens are
 * taken in one statement (one round trip, under the row's lock) with GCRA, the token bucket kept
 * as one timestamp: the "theoretical arrival time" {@code tat} at which the bucket is full again.
 * {@code (now + capacity * interval - max(tat, now)) / interval} tokens are there. Time is the
 * database's {@code now()}, so skewed node clocks cannot mint tokens. Busy buckets are taken a few
 * tokens at a time through {@link TokenLeases}.
 */
class DatabaseRateLimitStore implements RateLimitStore {
  // what a bucket holds: (tolerance - micros by which max(tat, now) is ahead of now) / interval
  private static final String AVAILABLE = "greatest(0, floor((:tolerance"
      + " - extract(epoch FROM greatest(b.tat, now()) - now()) * 1000000) / :interval))";
  private static final String TAKE = """
      INSERT INTO rate_limit_bucket AS b (bucket_key, tat, last_granted)
      VALUES (:bucket, now() + :firstGrant * :interval * interval '1 microsecond', :firstGrant)
      ON CONFLICT (bucket_key) DO UPDATE SET
        last_granted = least(:want, %1$s),
        tat = greatest(b.tat, now()) + least(:want, %1$s) * :interval * interval '1 microsecond'
      RETURNING last_granted, (extract(epoch FROM tat - now()) * 1000000)::bigint AS ahead_micros
      """.formatted(AVAILABLE);
  private static final String RECORD_FAILURE = """
      INSERT INTO sign_in_failure AS f (subject, window_start, failures) VALUES (:subject, :at, 1)
      ON CONFLICT (subject) DO UPDATE SET
        failures = CASE WHEN f.window_start > :windowOpen THEN f.failures + 1 ELSE 1 END,
        window_start = CASE WHEN f.window_start > :windowOpen THEN f.window_start ELSE :at END
      RETURNING failures
      """;

  private final JdbcClient jdbc;
  private final TokenLeases leases = new TokenLeases(this::grant);

  DatabaseRateLimitStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public BucketTake take(String bucket, BucketLimit limit) {
    if (TokenLeases.mostLeased(limit) > 1) {
      return leases.take(bucket, limit);
    }
    TokenLeases.Grant grant = grant(bucket, limit, 1);
    return grant.granted() > 0 ? BucketTake.allowed(grant.remaining()) : BucketTake.refused(grant.retryAfter());
  }

  /** Up to {@code want} tokens, as many as the bucket holds. */
  TokenLeases.Grant grant(String bucket, BucketLimit limit, int want) {
    long interval = micros(limit.tokenInterval());
    long tolerance = interval * limit.capacity();
    return jdbc.sql(TAKE).param("bucket", bucket).param("interval", interval).param("tolerance", tolerance)
        .param("want", want).param("firstGrant", (int) Math.min(want, limit.capacity()))
        .query((rs, n) -> {
          int granted = rs.getInt("last_granted");
          long ahead = rs.getLong("ahead_micros");
          return new TokenLeases.Grant(granted, Math.max(0, (tolerance - ahead) / interval),
              granted > 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, ahead + interval - tolerance) * 1000));
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
