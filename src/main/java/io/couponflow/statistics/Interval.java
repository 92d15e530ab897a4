package io.couponflow.statistics;

import io.couponflow.common.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Bucket width; days are UTC days, folded from the hourly rows. */
enum Interval {
  HOUR(Duration.ofHours(1), Duration.ofDays(2)),
  DAY(Duration.ofDays(1), Duration.ofDays(30));

  private final Duration width;
  private final Duration defaultWindow;

  Interval(Duration width, Duration defaultWindow) {
    this.width = width;
    this.defaultWindow = defaultWindow;
  }

  Instant floor(Instant at) {
    return at.truncatedTo(this == HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS);
  }

  Duration width() {
    return width;
  }

  Duration defaultWindow() {
    return defaultWindow;
  }

  static Interval fromWire(String value) {
    if (value == null || value.isBlank()) {
      return HOUR;
    }
    return switch (value) {
      case "hour" -> HOUR;
      case "day" -> DAY;
      default -> throw ApiException.invalid("interval", "interval must be hour or day");
    };
  }
}
