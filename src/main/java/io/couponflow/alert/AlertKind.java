package io.couponflow.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.couponflow.common.ApiException;

/** What a rule watches; each fires while its observed value is below the threshold. */
public enum AlertKind {
  AVAILABLE_BELOW("available-below", "Available codes below %s"),
  AVAILABLE_BELOW_PERCENT("available-below-percent", "Available codes below %s%% of the total"),
  DAYS_LEFT_BELOW("days-left-below", "Forecast: fewer than %s days of codes left"),
  EXPIRES_WITHIN_DAYS("expires-within-days", "The set expires within %s days");

  private final String wire;
  private final String title;

  AlertKind(String wire, String title) {
    this.wire = wire;
    this.title = title;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  String title(double threshold) {
    return title.formatted(threshold == Math.rint(threshold) ? String.valueOf((long) threshold) : String.valueOf(threshold));
  }

  @JsonCreator
  public static AlertKind fromWire(String value) {
    for (AlertKind kind : values()) {
      if (kind.wire.equals(value)) {
        return kind;
      }
    }
    throw ApiException.invalid("kind",
        "kind must be one of available-below, available-below-percent, days-left-below, expires-within-days");
  }
}
