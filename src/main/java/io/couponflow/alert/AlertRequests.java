package io.couponflow.alert;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

final class AlertRequests {
  private AlertRequests() {}

  record CreateAlert(@NotNull AlertKind kind, @NotNull @PositiveOrZero Double threshold,
      @Email @Size(max = 320) String email) {}

  record CreateWebhook(@NotBlank @Size(max = 2000) String url, @NotBlank @Size(min = 16, max = 200) String secret) {}
}
