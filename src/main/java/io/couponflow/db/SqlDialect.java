package io.couponflow.db;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one seam where H2 and PostgreSQL differ. Everything else is SQL both databases run.
 * PostgreSQL gets single-statement forms (DELETE ... RETURNING in a CTE); H2 the same effect in
 * several statements inside the caller's transaction.
 */
public interface SqlDialect {

  /**
   * True when INSERT, UPDATE and DELETE take RETURNING, inside a WITH too (PostgreSQL), so a claim or
   * an insert into two tables is one statement. H2 reads changed rows through FINAL TABLE and needs
   * several statements in one transaction.
   */
  boolean hasReturning();

  /**
   * Adds {@code deltas} to the row of {@code table} whose primary key columns hold {@code keys},
   * inserting it (with the deltas as values) when missing. Concurrent callers never lose an add.
   * Table and column names come from code, never from input.
   */
  void upsertAdd(String table, Map<String, Object> keys, Map<String, Long> deltas);

  /** One {@link #upsertAdd} of a batch. */
  record UpsertAdd(String table, Map<String, Object> keys, Map<String, Long> deltas) {}

  /** Several {@link #upsertAdd}s, on PostgreSQL as one statement (one round trip), in the given order. */
  void upsertAddAll(List<UpsertAdd> upserts);

  boolean isPostgres();

  /**
   * A query answering {@code columns} of the rows {@code modification} (an INSERT, UPDATE or
   * DELETE) wrote: {@code RETURNING} on PostgreSQL, {@code FINAL TABLE} on H2. With
   * {@code ON CONFLICT DO NOTHING}, only the rows actually inserted.
   */
  String returning(String modification, String columns);

  /**
   * Before codes are inserted into a set (and child set, when not null): true when both exist,
   * and then they stay until the caller's transaction ends (a delete waits). PostgreSQL's code
   * table has no foreign key to its set (a per-row check costs a quarter of a big import), so this
   * takes key-share locks on the rows instead; on H2 the set's foreign key does that work, and the
   * child set row is locked for update.
   */
  boolean holdSetForNewCodes(long couponSetId, Long childSetId);

  /**
   * Appends rows to a table as fast as the database takes them: {@code COPY} on PostgreSQL, one
   * JDBC batch on H2. Values are Long (bigint), Integer (integer), String (text), Instant (timestamp
   * with time zone) or null, each of its column's type. Joins the caller's transaction if
   * there is one; otherwise the rows are committed when this returns.
   */
  void bulkInsert(String table, List<String> columns, List<Object[]> rows);

  /** Refreshes the planner's statistics of a table just bulk-loaded (PostgreSQL plans badly on an "empty" table). */
  void refreshStatistics(String table);

  /**
   * Tunes the statements of the current transaction for sorting big sets (PostgreSQL: work_mem of
   * 32 MB and no JIT). Not more memory: a million staged rows sorted in one 256 MB quicksort took
   * 1.7 s, in 32 MB runs merged from the OS cache 1.3 s (docs/benchmarks.md).
   */
  void allowLargeSorts();

  /** The dialect of the database behind {@code dataSource}. */
  static SqlDialect forDatabase(DataSource dataSource) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    try (java.sql.Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
          ? new PostgresDialect(jdbc, dataSource) : new H2Dialect(jdbc, dataSource);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot tell which database this is", e);
    }
  }
}
