package io.couponflow.couponset;

import io.couponflow.common.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH body: a field left out keeps its value, {@code "quantity": null} means unlimited.
 * Read from the JSON tree because a record cannot tell "absent" from "null"; {@link CouponSetPatch} is how
 * the API description shows it.
 */
public record UpdateCouponSetRequest(String name, boolean hasQuantity, Long quantity, AssignmentPolicy assignmentPolicy,
    boolean hasExpiresAt, Instant expiresAt) {
  public UpdateCouponSetRequest(String name, boolean hasQuantity, Long quantity, AssignmentPolicy assignmentPolicy) {
    this(name, hasQuantity, quantity, assignmentPolicy, false, null);
  }

  public static UpdateCouponSetRequest from(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid("body", "the body must be a JSON object");
    }
    for (String field : body.propertyNames()) {
      if (!CouponSetPatch.FIELDS.contains(field)) {
        throw ApiException.invalid(field, "Unknown field '" + field + "'");
      }
    }
    String name = null;
    if (body.has("name")) {
      JsonNode node = body.get("name");
      if (!node.isString() || node.asString().isBlank() || node.asString().length() > 200) {
        throw ApiException.invalid("name", "name must be 1 to 200 characters");
      }
      name = node.asString().strip();
    }
    Long quantity = null;
    if (body.has("quantity") && !body.get("quantity").isNull()) {
      JsonNode node = body.get("quantity");
      if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
        throw ApiException.invalid("quantity", "quantity must be a whole number greater than 0, or null for unlimited");
      }
      quantity = node.asLong();
    }
    AssignmentPolicy policy = null;
    if (body.has("assignmentPolicy")) {
      JsonNode node = body.get("assignmentPolicy");
      policy = AssignmentPolicy.fromWire(node.isString() ? node.asString() : "");
    }
    Instant expiresAt = null;
    if (body.has("expiresAt") && !body.get("expiresAt").isNull()) {
      try {
        expiresAt = OffsetDateTime.parse(body.get("expiresAt").asString()).toInstant();
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("expiresAt", "expiresAt must be an ISO-8601 instant such as 2026-12-31T23:59:59Z, or null");
      }
    }
    return new UpdateCouponSetRequest(name, body.has("quantity"), quantity, policy, body.has("expiresAt"), expiresAt);
  }
}
