package io.couponflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BucketLimitTest {
  @Test
  void aPerSecondLimitHoldsItsBurstAndRefillsEverySecond() {
    BucketLimit limit = BucketLimit.perSecond(1000, 2);
    assertThat(limit.capacity()).isEqualTo(2000);
    assertThat(limit.tokenInterval()).isEqualTo(Duration.ofMillis(1));
    assertThat(TokenLeases.mostLeased(limit)).isEqualTo(50);
  }

  @Test
  void aPerMinuteLimitIsNeverLeased() {
    BucketLimit limit = BucketLimit.perMinute(120);
    assertThat(limit.tokenInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(TokenLeases.mostLeased(limit)).isEqualTo(1);
  }

  @Test
  void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
    assertThat(BucketTake.refused(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
    assertThat(BucketTake.refused(Duration.ofMillis(1500)).retryAfterSeconds()).isEqualTo(2);
    assertThat(BucketTake.refused(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void aBucketWithoutCapacityIsRefused() {
    assertThatThrownBy(() -> new BucketLimit(0, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }
}
