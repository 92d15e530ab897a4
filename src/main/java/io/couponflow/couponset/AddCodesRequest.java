package io.couponflow.couponset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * expiresAt: optional, applies to every code of the call; an expired code is never assigned. Each
 * code is a string or an object {@code {"code", "fields": {...}}}.
 */
public record AddCodesRequest(@NotNull @Size(max = 10_000) List<Entry> codes, Long childSetId, Instant expiresAt) {

  /** A code, given as a plain string or as an object with fields. */
  @Schema(description = "a code: a string, or an object {\"code\", \"fields\"}",
      oneOf = {String.class, Entry.WithFields.class})
  public record Entry(String code, Map<String, String> fields) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Entry of(String code) {
      return new Entry(code, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static Entry withFields(@JsonProperty("code") String code, @JsonProperty("fields") Map<String, String> fields) {
      return new Entry(code, fields);
    }

    /** The object form, for the API description. */
    record WithFields(String code, Map<String, String> fields) {}
  }
}
