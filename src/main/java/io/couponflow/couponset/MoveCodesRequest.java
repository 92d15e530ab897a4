package io.couponflow.couponset;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Which free codes of a set move, and where to: either {@code codes} by value (wherever they are in
 * the set), or {@code count} available codes taken from {@code fromChildSetId} (null: the set's
 * codes outside child sets). {@code toChildSetId} null moves them out of child sets, into the set itself.
 */
public record MoveCodesRequest(@Size(max = 10_000) List<String> codes, @Positive @Max(1_000_000) Long count,
    Long fromChildSetId, Long toChildSetId) {}
