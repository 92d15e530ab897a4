package io.couponflow.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.couponflow.common.ApiException;

/** What a key may do: read (GET), write (everything else) or admin (also manage keys). Each includes the ones before. */
public enum ApiKeyScope {
  READ("read"),
  WRITE("write"),
  ADMIN("admin");

  private final String wire;

  ApiKeyScope(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public boolean allows(ApiKeyScope needed) {
    return ordinal() >= needed.ordinal();
  }

  public String authority() {
    return "SCOPE_" + wire;
  }

  @JsonCreator
  public static ApiKeyScope fromWire(String value) {
    for (ApiKeyScope scope : values()) {
      if (scope.wire.equals(value)) {
        return scope;
      }
    }
    throw ApiException.invalid("scope", "scope must be read, write or admin");
  }
}
