package io.couponflow.redemption;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** A shop reporting that an order used a code. redeemedAt defaults to now. */
public record RedeemRequest(
    @NotBlank @Size(max = 64) String code,
    @NotBlank @Size(max = 255) String orderId,
    @DecimalMin("0") BigDecimal amount,
    @Pattern(regexp = "[A-Za-z]{3}", message = "must be a 3-letter ISO 4217 code") String currency,
    @Size(max = 200) String contactId,
    Instant redeemedAt) {}
