package io.couponflow.couponset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of PATCH /api/v1/coupon-sets/{id} as the OpenAPI description shows it: a field left out keeps
 * its value; {@code null} clears it where that means something (quantity: unlimited, expiresAt: never).
 * The endpoint reads the JSON tree ({@link UpdateCouponSetRequest#from}) because a bound record cannot
 * tell a field left out from a null; the fields it accepts are this record's, so the two cannot drift.
 */
@Schema(name = "CouponSetPatch", description = "Only the fields sent change; a field left out keeps its value")
public record CouponSetPatch(
    @Schema(description = "1 to 200 characters; cannot be null", minLength = 1, maxLength = 200, example = "Black Friday")
    String name,
    @Schema(description = "Single sets: how many times the code may be used, at least the uses so far (409 "
        + "quantity-below-uses otherwise); null: unlimited", nullable = true, minimum = "1", example = "500")
    Long quantity,
    @Schema(description = "Cannot be null")
    AssignmentPolicy assignmentPolicy,
    @Schema(description = "When the set's codes stop being handed out; null: never", nullable = true,
        example = "2026-12-31T23:59:59Z")
    Instant expiresAt) {

  static final Set<String> FIELDS = Arrays.stream(CouponSetPatch.class.getRecordComponents())
      .map(component -> component.getName()).collect(Collectors.toUnmodifiableSet());
}
