package io.couponflow.couponset;

import io.couponflow.code.MovedCodes;
import java.util.List;

/** How many codes moved into {@code toChildSetId} (null: the set itself), and the named codes that stayed, with why. */
public record MoveCodesResult(long moved, Long toChildSetId, List<MovedCodes.Skipped> skipped) {}
