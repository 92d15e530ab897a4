package io.couponflow.couponset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** expiresAt: optional, applies to every code of the call; an expired code is never assigned. */
public record AddCodesRequest(@NotNull @Size(max = 10_000) List<String> codes, Long childSetId, Instant expiresAt) {}
