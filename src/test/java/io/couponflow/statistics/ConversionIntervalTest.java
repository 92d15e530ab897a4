package io.couponflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.couponflow.couponset.Figures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversionIntervalTest {

  @Test
  void theWilsonIntervalMatchesPublishedValues() {
    // Newcombe (1998), method 3: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605
    ConversionInterval a = ConversionInterval.wilson(81, 263);
    assertThat(a.low()).isCloseTo(0.2553, within(5e-4));
    assertThat(a.high()).isCloseTo(0.3662, within(5e-4));
    ConversionInterval b = ConversionInterval.wilson(15, 148);
    assertThat(b.low()).isCloseTo(0.0624, within(5e-4));
    assertThat(b.high()).isCloseTo(0.1605, within(5e-4));
  }

  @Test
  void theIntervalStaysInsideZeroAndOneAtTheEdgesAndIsNullWithoutTrials() {
    assertThat(ConversionInterval.wilson(0, 10).low()).isZero();
    assertThat(ConversionInterval.wilson(0, 10).high()).isCloseTo(0.2775, within(5e-4));
    assertThat(ConversionInterval.wilson(10, 10).high()).isEqualTo(1.0);
    assertThat(ConversionInterval.wilson(10, 10).low()).isCloseTo(0.7225, within(5e-4));
    assertThat(ConversionInterval.wilson(0, 0)).isNull();
  }

  @Test
  void aChildIsAheadOnlyWhenItsIntervalClearsEveryOther() {
    Comparison clear = Comparison.of(List.of(
        new Comparison.Entry(1L, "10-percent", Figures.activity(20, 20, 3, 0, 0)),
        new Comparison.Entry(2L, "20-percent", Figures.activity(20, 20, 16, 0, 0))));
    assertThat(clear.leaderId()).isEqualTo(2L);
    assertThat(clear.rows().get(1).leader()).isTrue();
    assertThat(clear.rows().get(0).conversion()).isEqualTo(0.15);

    Comparison overlapping = Comparison.of(List.of(
        new Comparison.Entry(1L, "a", Figures.activity(10, 10, 3, 0, 0)),
        new Comparison.Entry(2L, "b", Figures.activity(10, 10, 5, 0, 0))));
    assertThat(overlapping.hasLeader()).isFalse();

    Comparison alone = Comparison.of(List.of(
        new Comparison.Entry(1L, "a", Figures.activity(10, 10, 9, 0, 0)),
        new Comparison.Entry(2L, "untried", Figures.activity(0, 0, 0, 0, 0))));
    assertThat(alone.hasLeader()).as("nothing to be ahead of").isFalse();
  }
}
