package io.couponflow.couponset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.couponflow.common.ApiException;

/** Individual ("single": one multi-use code) or multiple (many single-use codes). */
public enum SetType {
  SINGLE("single"),
  MULTIPLE("multiple");

  private final String wire;

  SetType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static SetType fromWire(String value) {
    for (SetType type : values()) {
      if (type.wire.equals(value)) {
        return type;
      }
    }
    throw ApiException.invalid("type", "type must be 'single' or 'multiple'");
  }
}
