package io.couponflow.db;

import java.util.Map;
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

  /**
   * Adds {@code deltas} to the row of {@code table} whose primary key columns hold {@code keys},
   * inserting it (with the deltas as values) when missing. Concurrent callers never lose an add.
   * Table and column names come from code, never from input.
   */
  void upsertAdd(String table, Map<String, Object> keys, Map<String, Long> deltas);

  boolean isPostgres();
}
