package io.couponflow.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Formatting helpers the templates call as {@code @fmt.date(...)}: one place for how numbers and times read.
 * A time is rendered as {@code <time th:datetime="${@fmt.iso(at)}" th:text="${@fmt.date(at)}">}: the text here
 * is the fallback (UTC) and /js/app.js puts it in the viewer's zone and language, relative when recent.
 */
@Component("fmt")
public class UiFormat {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  /** An instant written the ISO way inside a stored text (audit details, run steps), with or without fractions. */
  private static final Pattern ISO_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");

  private final Clock clock;

  UiFormat(Clock clock) {
    this.clock = clock;
  }

  /** The machine-readable moment for a {@code <time datetime>}: whole seconds, UTC. */
  public String iso(Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  public String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant);
  }

  /** "3 min ago" for recent moments, the date otherwise (the fallback of a relative {@code <time>}). */
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

  /** "1 code", "1,200 codes". */
  public String count(long value, String singular, String plural) {
    return number(value) + " " + (value == 1 ? singular : plural);
  }

  public int percent(long part, long whole) {
    return whole <= 0 ? 0 : (int) Math.min(100, Math.round(part * 100.0 / whole));
  }

  /** A forecast's length as a person says it: "less than a day", "about 5 days", "about 3 weeks", "about 16 months". */
  public String approxDays(double days) {
    if (days < 1) {
      return "less than a day";
    }
    if (days < 14) {
      long d = Math.round(days);
      return d == 1 ? "about a day" : "about " + d + " days";
    }
    if (days < 60) {
      return "about " + Math.round(days / 7) + " weeks";
    }
    if (days < 730) {
      return "about " + Math.round(days / 30.44) + " months";
    }
    long years = Math.round(days / 365.25);
    return years > 50 ? "more than 50 years" : "about " + years + " years";
  }

  /** "about 3.5 a day", "about 12 a day", "about 1,200 a day": a rate without false precision. */
  public String rate(double perDay) {
    if (perDay >= 10) {
      return number(Math.round(perDay));
    }
    double rounded = Math.round(perDay * 10) / 10.0;
    return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
  }

  /** A piece of a stored text: words, or a moment the page shows as a {@code <time>}. */
  public record Piece(String text, Instant at) {}

  /**
   * A stored free text (an audit detail, an activity detail) cut where ISO instants stand in it, so the page shows
   * each as a {@code <time>} in the viewer's zone instead of {@code 2026-11-29T20:15:00.123Z}.
   */
  public List<Piece> pieces(String stored) {
    if (stored == null) {
      return List.of();
    }
    List<Piece> pieces = new ArrayList<>();
    Matcher m = ISO_INSTANT.matcher(stored);
    int last = 0;
    while (m.find()) {
      try {
        Instant at = OffsetDateTime.parse(m.group()).toInstant();
        pieces.add(new Piece(stored.substring(last, m.start()), null));
        pieces.add(new Piece(date(at), at));
        last = m.end();
      } catch (DateTimeParseException notAnInstant) {
        // left in the text as it is
      }
    }
    pieces.add(new Piece(stored.substring(last), null));
    return pieces;
  }
}
