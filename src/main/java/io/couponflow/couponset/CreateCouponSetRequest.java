package io.couponflow.couponset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record CreateCouponSetRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull SetType type,
    String code,
    @Positive Long quantity,
    AssignmentPolicy assignmentPolicy,
    Instant expiresAt) {}
