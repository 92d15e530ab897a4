package io.couponflow.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Formatting helpers the templates call as {@code @fmt.date(...)}: one place for how numbers and times read. */
@Component("fmt")
public class UiFormat {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final Clock clock;

  UiFormat(Clock clock) {
    this.clock = clock;
  }

  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(ZoneId.systemDefault()));
  }

  public String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant.atZone(ZoneId.systemDefault()));
  }

  /** "3 min ago" for recent moments, the date otherwise. */
  public String ago(Instant instant) {
    if (instant == null) {
      return "";
    }
    Duration age = Duration.between(instant, clock.instant());
    if (age.isNegative() || age.toSeconds() < 60) {
      return "just now";
    }
    if (age.toMinutes() < 60) {
      return age.toMinutes() + " min ago";
    }
    if (age.toHours() < 24) {
      return age.toHours() + " h ago";
    }
    return date(instant);
  }

  public String number(Long value) {
    return value == null ? "∞" : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
  }

  public int percent(long part, long whole) {
    return whole <= 0 ? 0 : (int) Math.min(100, Math.round(part * 100.0 / whole));
  }
}
