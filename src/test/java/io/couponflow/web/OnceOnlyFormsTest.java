package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class OnceOnlyFormsTest {
  private final MockHttpSession session = new MockHttpSession();
  private final Instant now = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void aTokenSentManyTimesAtOnceRunsTheActionOnceAndEveryoneGetsItsResult() throws Exception {
    String token = OnceOnlyForms.issue(session);
    AtomicInteger created = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return OnceOnlyForms.once(session, token, now, created::incrementAndGet).orElseThrow();
        }));
      }
      start.countDown();
      for (var answer : answers) {
        assertThat(answer.get()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(created).hasValue(1);
  }

  @Test
  void anUnknownOrExpiredTokenDoesNothing() {
    assertThat(OnceOnlyForms.once(session, "made-up", now, () -> "key")).isEmpty();
    assertThat(OnceOnlyForms.once(session, null, now, () -> "key")).isEmpty();
    String token = OnceOnlyForms.issue(session);
    assertThat(OnceOnlyForms.once(session, token, now, () -> "key")).hasValue("key");
    assertThat(OnceOnlyForms.once(session, token, now.plus(Duration.ofMinutes(3)), () -> "second key")).isEmpty();
  }

  @Test
  void aFailedActionLeavesTheTokenUnusedSoTheCorrectedFormCanBeSent() {
    String token = OnceOnlyForms.issue(session);
    assertThatThrownBy(() -> OnceOnlyForms.once(session, token, now, () -> {
      throw new IllegalArgumentException("name missing");
    })).isInstanceOf(IllegalArgumentException.class);
    assertThat(OnceOnlyForms.once(session, token, now, () -> "key")).hasValue("key");
  }

  @Test
  void onlyTheLatestTwentyTokensAreKept() {
    String oldest = OnceOnlyForms.issue(session);
    for (int i = 0; i < 20; i++) {
      OnceOnlyForms.issue(session);
    }
    assertThat(OnceOnlyForms.once(session, oldest, now, () -> "key")).isEmpty();
  }
}
