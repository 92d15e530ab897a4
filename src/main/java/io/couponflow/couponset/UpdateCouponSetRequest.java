package io.couponflow.couponset;

import io.couponflow.common.ApiException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH body: a field left out keeps its value, {@code "quantity": null} means unlimited.
 * Read from the JSON tree because a record cannot tell "absent" from "null".
 */
public record UpdateCouponSetRequest(String name, boolean hasQuantity, Long quantity, AssignmentPolicy assignmentPolicy) {
  private static final Set<String> FIELDS = Set.of("name", "quantity", "assignmentPolicy");

  public static UpdateCouponSetRequest from(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid("body", "the body must be a JSON object");
    }
    for (String field : body.propertyNames()) {
      if (!FIELDS.contains(field)) {
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
    return new UpdateCouponSetRequest(name, body.has("quantity"), quantity, policy);
  }
}
