package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UiFormatTest {
  private final UiFormat fmt = new UiFormat(Clock.fixed(Instant.parse("2026-11-29T20:00:00Z"), ZoneOffset.UTC));

  @Test
  void forecastsRoundAsPeopleSayThem() {
    assertThat(fmt.approxDays(0.4)).isEqualTo("less than a day");
    assertThat(fmt.approxDays(1.2)).isEqualTo("about a day");
    assertThat(fmt.approxDays(5.5)).isEqualTo("about 6 days");
    assertThat(fmt.approxDays(23)).isEqualTo("about 3 weeks");
    assertThat(fmt.approxDays(487)).isEqualTo("about 16 months");
    assertThat(fmt.approxDays(800)).isEqualTo("about 2 years");
    assertThat(fmt.rate(0.2857)).isEqualTo("0.3");
    assertThat(fmt.rate(2.0)).isEqualTo("2");
    assertThat(fmt.rate(1234.4)).isEqualTo("1,234");
  }

  @Test
  void timesInStoredTextsBecomeMomentsThePageLocalises() {
    var pieces = fmt.pieces("The previous secret keeps working until 2026-11-30T20:00:00.123456Z, then stops");
    assertThat(pieces).extracting(UiFormat.Piece::text)
        .containsExactly("The previous secret keeps working until ", "30 Nov 2026, 20:00 UTC", ", then stops");
    assertThat(pieces.get(1).at()).isEqualTo(Instant.parse("2026-11-30T20:00:00.123456Z"));
    assertThat(fmt.iso(pieces.get(1).at())).isEqualTo("2026-11-30T20:00:00Z");
    assertThat(fmt.pieces("no time here")).extracting(UiFormat.Piece::text).containsExactly("no time here");
  }
}
