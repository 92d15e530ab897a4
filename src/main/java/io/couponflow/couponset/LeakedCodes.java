package io.couponflow.couponset;

import java.util.Collection;
import java.util.Set;

/** Which of a set's codes were used without being assigned; implemented by the redemption feature. */
public interface LeakedCodes {
  Set<Long> leakedAmong(long couponSetId, Collection<Long> codeIds);
}
