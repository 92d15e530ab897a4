package io.couponflow.redemption;

import io.couponflow.common.ApiException;

/** Why a redemption is a leak: nobody was given the code, or another contact than its holder used it. */
public enum LeakKind {
  NOT_ASSIGNED("not-assigned"),
  OTHER_CONTACT("other-contact");

  private final String wire;

  LeakKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static LeakKind fromWire(String value) {
    for (LeakKind kind : values()) {
      if (kind.wire.equals(value)) {
        return kind;
      }
    }
    throw ApiException.invalid("kind", "kind must be not-assigned or other-contact");
  }
}
