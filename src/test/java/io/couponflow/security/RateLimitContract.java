package io.couponflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Per-address limits on the public endpoints and the sign-in form, buckets shared by every caller,
 * and a sign-in lockout no flood can reset. Each test spends the budget of a loopback address of
 * its own, so the other tests of the shared context, calling from 127.0.0.1, never feel it.
 */
abstract class RateLimitContract extends ApiTest {
  /** The default of COUPONFLOW_WEB_RATE_LIMIT_PER_MINUTE, which the shared test contexts keep. */
  private static final int PER_MINUTE = 120;

  @Autowired RateLimitStore store;
  @Autowired LoginThrottle throttle;

  /** More distinct user names than the store would ever need to forget anything for. */
  abstract int distinctNamesInTheFlood();

  @Test
  void oneHundredFiftyWebCallsFromOneAddressWithinAMinuteGet429WithRetryAfter() {
    FromAddress client = FromAddress.randomLoopback(port);
    long started = System.nanoTime();
    List<FromAddress.Answer> answers = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      answers.add(client.get("/web/v1/content?contactId=c-" + i));
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    List<FromAddress.Answer> limited = answers.stream().filter(a -> a.status() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertThat(answers.get(0).status()).isNotEqualTo(429);
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isLessThan(500));
    long served = answers.size() - limited.size();
    assertThat(served).isBetween((long) PER_MINUTE, PER_MINUTE + refilledWithin(seconds));
    FromAddress.Answer refused = limited.get(0);
    assertThat(refused.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
    assertThat(refused.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"status\":429").contains("/rate-limited");

    assertThat(api.withKey(null).get("/web/v1/content?contactId=c-1").status())
        .as("another address keeps its own budget").isNotEqualTo(429);
  }

  @Test
  void oneHundredFiftySignInPostsFromOneAddressGetTheSignInPageWith429AndRetryAfter() {
    FromAddress client = FromAddress.randomLoopback(port);
    List<FromAddress.Answer> answers = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      answers.add(client.postForm("/login", "username=guesser" + i + "&password=guess"));
    }

    List<FromAddress.Answer> limited = answers.stream().filter(a -> a.status() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertThat(answers.subList(0, PER_MINUTE)).noneMatch(a -> a.status() == 429);
    FromAddress.Answer refused = limited.get(0);
    assertThat(refused.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
    assertThat(refused.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(refused.body()).contains("Too many sign-in attempts from your address").contains("Back to sign in");

    assertThat(client.get("/login").status()).as("the sign-in page itself stays readable").isEqualTo(200);
  }

  @Test
  void aLockedUserStaysLockedAfterAFloodOfFailedSignInsUnderOtherNames() {
    String address = FromAddress.randomLoopback(port).address;
    String victim = "victim-" + ThreadLocalRandom.current().nextInt(1_000_000);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      throttle.recordFailure(victim, address);
    }
    assertThat(throttle.isLocked(victim, address)).isTrue();

    for (int i = 0; i < distinctNamesInTheFlood(); i++) {
      throttle.recordFailure("flood-" + i + "-" + victim, address);
    }

    assertThat(throttle.isLocked(victim, address)).isTrue();
    assertThat(throttle.isLocked(victim.toUpperCase(), address)).as("user names compare without case").isTrue();
    assertThat(throttle.isLocked(victim, "127.0.0.1")).as("another address is not locked out").isFalse();
    assertThat(throttle.isLocked("flood-0-" + victim, address)).as("one failure locks nobody").isFalse();
  }

  @Test
  void manyCallersTakingFromOneBucketShareItsBudget() throws Exception {
    BucketLimit limit = BucketLimit.perSecond(40, 1);
    String bucket = "test:" + ThreadLocalRandom.current().nextLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<BucketTake>> calls = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      calls.add(() -> store.take(bucket, limit));
    }
    long started = System.nanoTime();
    List<Future<BucketTake>> takes = pool.invokeAll(calls, 2, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();

    long allowed = 0;
    for (Future<BucketTake> take : takes) {
      allowed += take.get().allowed() ? 1 : 0;
    }
    assertThat(allowed).isBetween(40L, 40L + (long) Math.ceil(40 * seconds) + 1);
    BucketTake refused = store.take(bucket + ":drained", new BucketLimit(1, 1, Duration.ofMinutes(1)));
    assertThat(refused.allowed()).isTrue();
    BucketTake next = store.take(bucket + ":drained", new BucketLimit(1, 1, Duration.ofMinutes(1)));
    assertThat(next.allowed()).isFalse();
    assertThat(next.retryAfterSeconds()).isBetween(55L, 60L);
  }

  /** Tokens a per-minute bucket regains over {@code seconds}, rounded up, plus one for the clock's grain. */
  private static long refilledWithin(double seconds) {
    return (long) Math.ceil(seconds * PER_MINUTE / 60.0) + 1;
  }
}
