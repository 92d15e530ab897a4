package io.couponflow.code;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The code pool as the rest of the app sees it: claiming free codes for assignments. Callers own
 * the transaction and the counters.
 */
@Service
public class CodePool {
  private final CodeStore table;

  CodePool(CodeStore table) {
    this.table = table;
  }

  /**
   * Takes up to {@code limit} free codes of the set (of one child set when {@code childKey} is not
   * null, else any of the set's, child sets' included) and marks them assigned, skipping codes other
   * transactions are claiming. In claim order; fewer than {@code limit} when the set runs short.
   */
  public List<ClaimedCode> claim(long couponSetId, Long childKey, int limit) {
    return table.claim(couponSetId, childKey, limit);
  }

  /** Takes one free code, as {@link #claim(long, Long, int)}; empty when none is free. */
  public Optional<ClaimedCode> claim(long couponSetId, Long childKey) {
    return table.claim(couponSetId, childKey, 1).stream().findFirst();
  }
}
