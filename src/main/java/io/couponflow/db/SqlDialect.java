package io.couponflow.db;

import java.util.Optional;

/**
 * The one seam where H2 and PostgreSQL differ. Everything else is SQL both databases run.
 * PostgreSQL gets single-statement forms (DELETE ... RETURNING in a CTE); H2 the same effect in
 * several statements inside the caller's transaction.
 */
public interface SqlDialect {

  /** A code taken off the free queue and marked assigned, inside the caller's transaction. */
  record ClaimedCode(long codeId, String value, long childKey) {}

  /**
   * Takes one free code of the set (of one child set when {@code childKey} is not null), skipping
   * codes other transactions are claiming, and marks it assigned. Empty when none is free.
   */
  Optional<ClaimedCode> claimFreeCode(long couponSetId, Long childKey);

  boolean isPostgres();
}
