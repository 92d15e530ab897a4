package io.couponflow.importing;

import io.couponflow.code.CodePool;
import io.couponflow.code.RejectReason;
import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staging rows of imports: filled by bulk insert while a file is read, then sorted out with
 * set-based statements into codes and rejected rows (the error report, kept in
 * {@code import_error}). Rows are keyed by import and attempt, so a runner that was taken over
 * cannot mix its rows into its successor's. On PostgreSQL the staging table is unlogged and has no
 * index: one statement sorts an import's rows once and routes each to {@code code} or
 * {@code import_error}. On H2 duplicates are marked first, in slices that keep each sort small.
 */
@Repository
class ImportStaging {
  private static final List<String> COLUMNS = List.of("import_id", "attempt", "line_no", "code_value", "code_key", "reason",
      "fields");
  private static final int REPORT_PAGE = 5000;
  private static final int DUPLICATE_BATCH = 1000;
  /** H2 sorts in the heap: the duplicate search sorts a sixteenth of an import's rows at a time. */
  static final int SLICES = 16;

  /** Rows of one attempt, and how many of them were rejected. */
  record Tally(long total, long errors) {
    long success() {
      return total - errors;
    }
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final SqlDialect dialect;
  private final CodePool codes;

  ImportStaging(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect, CodePool codes) {
    this.jdbc = jdbc;
    this.template = template;
    this.dialect = dialect;
    this.codes = codes;
  }

  void append(long importId, int attempt, List<StagedRow> rows) {
    List<Object[]> values = new ArrayList<>(rows.size());
    for (StagedRow row : rows) {
      values.add(new Object[] {importId, attempt, row.line(), row.value(), row.key(),
          row.reason() == null ? null : row.reason().wire(), row.fields()});
    }
    dialect.bulkInsert("import_staging", COLUMNS, values);
  }

  private static final List<String> ERROR_COLUMNS = List.of("import_id", "line_no", "code_value", "reason");

  /** Appends rejected rows to an import's error report, in the caller's transaction. */
  void appendErrors(long importId, List<StagedRow> rows) {
    List<Object[]> values = new ArrayList<>(rows.size());
    for (StagedRow row : rows) {
      values.add(new Object[] {importId, row.line(), row.value(), row.reason().wire()});
    }
    dialect.bulkInsert("import_error", ERROR_COLUMNS, values);
  }

  /** After the file is staged: fresh planner statistics for the set-based statements that follow. */
  void analyze() {
    dialect.refreshStatistics("import_staging");
  }

  /**
   * True when duplicates within the file are found by {@link #markDuplicatesInFile} before the
   * final transaction (H2); PostgreSQL finds them inside {@link #apply}, in the same sort.
   */
  boolean marksDuplicatesFirst() {
    return !dialect.hasReturning();
  }

  /**
   * H2: every occurrence of a code after its first line in the file is a duplicate-in-file. The
   * attempt's candidates are read in key order, in {@link #SLICES} slices by a hash of the key: H2
   * sorts a result in the application's heap, and a million rows at once filled a 256 MB heap. A
   * row whose key equals the previous row's is marked, in batches.
   */
  void markDuplicatesInFile(long importId, int attempt) {
    template.execute((ConnectionCallback<Void>) connection -> {
      try (PreparedStatement read = connection.prepareStatement("""
              SELECT line_no, code_key FROM import_staging WHERE import_id = ? AND attempt = ? AND reason IS NULL
                AND ORA_HASH(code_key, ?) = ?
              ORDER BY code_key, line_no""");
          PreparedStatement mark = connection.prepareStatement("""
              UPDATE import_staging SET reason = ? WHERE import_id = ? AND attempt = ? AND line_no = ?""")) {
        int pending = 0;
        for (int slice = 0; slice < SLICES; slice++) {
          read.setLong(1, importId);
          read.setInt(2, attempt);
          read.setInt(3, SLICES - 1);
          read.setInt(4, slice);
          try (ResultSet rows = read.executeQuery()) {
            String previous = null;
            while (rows.next()) {
              String key = rows.getString(2);
              if (key.equals(previous)) {
                mark.setString(1, RejectReason.DUPLICATE_IN_FILE.wire());
                mark.setLong(2, importId);
                mark.setInt(3, attempt);
                mark.setLong(4, rows.getLong(1));
                mark.addBatch();
                if (++pending == DUPLICATE_BATCH) {
                  mark.executeBatch();
                  pending = 0;
                }
              }
              previous = key;
            }
          }
        }
        if (pending > 0) {
          mark.executeBatch();
        }
      }
      return null;
    });
  }

  /**
   * Sorts out the staged rows of an attempt, in the caller's (final) transaction: rejected rows
   * (the file's own rejects, later occurrences of a code within the file, codes that exist in any
   * set, compared case-insensitively) go to the error report, the others become free codes of the
   * set. Returns the tally; its {@code success} is the number of codes added.
   */
  Tally apply(long importId, int attempt, long couponSetId, Long childSetId, Instant now) {
    Map<String, Object> params = new HashMap<>();
    params.put("setId", couponSetId);
    params.put("childId", childSetId);
    params.put("id", importId);
    params.put("attempt", attempt);
    params.put("now", Timestamps.bind(now));
    params.put("duplicate", RejectReason.DUPLICATE_IN_FILE.wire());
    params.put("exists", RejectReason.ALREADY_EXISTS.wire());
    params.put("childKey", childSetId == null ? 0L : childSetId);
    dialect.allowLargeSorts();
    String codeColumns = """
        SELECT :setId, CAST(:childId AS BIGINT), CAST(:childKey AS BIGINT), code_value, code_key, 'available', :id,
               CAST(:now AS TIMESTAMP WITH TIME ZONE), fields""";
    long added;
    if (dialect.hasReturning()) {
      // one sort of the attempt's rows by key then line: a row is a duplicate when the row before it
      // has its key; a first occurrence is looked up in code in key order (neighbouring index pages).
      // Codes are inserted in that same order, so the unique index grows at its right edge.
      String sorted = """
          sorted AS MATERIALIZED (
            SELECT s.line_no, s.code_value, s.code_key, s.fields,
                   CASE WHEN s.reason IS NOT NULL THEN s.reason
                        WHEN s.code_key = LAG(s.code_key) OVER (ORDER BY s.code_key, s.line_no) THEN :duplicate
                        WHEN %s THEN :exists END AS verdict
            FROM import_staging s WHERE s.import_id = :id AND s.attempt = :attempt
            ORDER BY s.code_key, s.line_no),
          rejected AS (
            INSERT INTO import_error (import_id, line_no, code_value, reason)
            SELECT :id, line_no, code_value, verdict FROM sorted WHERE verdict IS NOT NULL)"""
          .formatted(CodePool.keyExistsCondition("s.code_key"));
      added = codes.addImported(sorted, codeColumns + " FROM sorted WHERE verdict IS NULL", params);
    } else {
      jdbc.sql("""
              UPDATE import_staging SET reason = :exists
              WHERE import_id = :id AND attempt = :attempt AND reason IS NULL
                AND %s""".formatted(CodePool.keyExistsCondition("import_staging.code_key")))
          .params(params).update();
      jdbc.sql("""
              INSERT INTO import_error (import_id, line_no, code_value, reason)
              SELECT import_id, line_no, code_value, reason FROM import_staging
              WHERE import_id = :id AND attempt = :attempt AND reason IS NOT NULL""")
          .params(params).update();
      // file order: the primary key's order, so H2 needs no sort (its sorts live in the heap)
      added = codes.addImported(null, codeColumns + """
           FROM import_staging WHERE import_id = :id AND attempt = :attempt AND reason IS NULL
          ORDER BY line_no""", params);
    }
    long errors = jdbc.sql("SELECT COUNT(*) FROM import_error WHERE import_id = ?").param(importId)
        .query(Long.class).single();
    return new Tally(added + errors, errors);
  }

  /**
   * Generated imports: drops the attempt's rows whose code exists in any set or occurs on an earlier
   * line (keys compare case-insensitively), with two set-based statements; answers the rows left.
   * Caller's transaction (large sorts allowed).
   */
  long dropCollisions(long importId, int attempt) {
    dialect.allowLargeSorts();
    jdbc.sql("DELETE FROM import_staging WHERE import_id = :id AND attempt = :attempt AND "
            + CodePool.keyExistsCondition("import_staging.code_key"))
        .param("id", importId).param("attempt", attempt).update();
    if (marksDuplicatesFirst()) {
      // H2 evaluates a window function in the heap: mark later occurrences in one ordered read instead
      markDuplicatesInFile(importId, attempt);
      jdbc.sql("DELETE FROM import_staging WHERE import_id = :id AND attempt = :attempt AND reason IS NOT NULL")
          .param("id", importId).param("attempt", attempt).update();
    } else {
      jdbc.sql("""
              DELETE FROM import_staging WHERE import_id = :id AND attempt = :attempt AND line_no IN (
                SELECT line_no FROM (
                  SELECT line_no, ROW_NUMBER() OVER (PARTITION BY code_key ORDER BY line_no) AS occurrence
                  FROM import_staging WHERE import_id = :id AND attempt = :attempt) d
                WHERE d.occurrence > 1)""")
          .param("id", importId).param("attempt", attempt).update();
    }
    return jdbc.sql("SELECT COUNT(*) FROM import_staging WHERE import_id = :id AND attempt = :attempt")
        .param("id", importId).param("attempt", attempt).query(Long.class).single();
  }

  /** Generated imports: keeps the attempt's first {@code count} rows (in line order), drops the rest. */
  void keepFirst(long importId, int attempt, long count) {
    dialect.allowLargeSorts();
    jdbc.sql("""
            DELETE FROM import_staging WHERE import_id = :id AND attempt = :attempt AND line_no > (
              SELECT line_no FROM import_staging WHERE import_id = :id AND attempt = :attempt
              ORDER BY line_no LIMIT 1 OFFSET :skip)""")
        .param("id", importId).param("attempt", attempt).param("skip", count - 1).update();
  }

  /** The rejected rows of a finished import in line order, read page by page. */
  void forEachError(long importId, Consumer<StagedRow> consumer) {
    long after = 0;
    while (true) {
      List<StagedRow> page = jdbc.sql("""
              SELECT line_no, code_value, reason FROM import_error
              WHERE import_id = ? AND line_no > ?
              ORDER BY line_no LIMIT ?""")
          .params(importId, after, REPORT_PAGE)
          .query((rs, n) -> new StagedRow(rs.getLong(1), rs.getString(2), null, RejectReason.fromWire(rs.getString(3))))
          .list();
      page.forEach(consumer);
      if (page.size() < REPORT_PAGE) {
        return;
      }
      after = page.get(page.size() - 1).line();
    }
  }

  /**
   * Deletes an import's staging rows. On PostgreSQL, when no other import has rows there and none
   * is using the table this instant, the table is truncated instead: a million-row delete costs a
   * second or two and leaves the table's pages to vacuum, a truncate neither.
   */
  void clear(long importId) {
    if (dialect.isPostgres() && truncatedWhenOnlyMine(importId)) {
      return;
    }
    jdbc.sql("DELETE FROM import_staging WHERE import_id = ?").param(importId).update();
  }

  private boolean truncatedWhenOnlyMine(long importId) {
    return Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) connection -> {
      if (!connection.getAutoCommit()) {
        return false; // inside someone's transaction: a plain DELETE
      }
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        // NOWAIT: another import staging or applying right now keeps the table; fall back to DELETE
        statement.execute("LOCK TABLE import_staging IN ACCESS EXCLUSIVE MODE NOWAIT");
        boolean others;
        try (var rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM import_staging WHERE import_id <> " + importId + ")")) {
          rows.next();
          others = rows.getBoolean(1);
        }
        if (!others) {
          statement.execute("TRUNCATE import_staging");
        }
        connection.commit();
        return !others;
      } catch (java.sql.SQLException lockNotAvailable) {
        connection.rollback();
        return false;
      } finally {
        connection.setAutoCommit(true);
      }
    }));
  }

  /** An import that did not finish has no error report (it ran into none, as far as anyone knows). */
  void clearErrors(long importId) {
    jdbc.sql("DELETE FROM import_error WHERE import_id = ?").param(importId).update();
  }

  /** The rows an import holds: staged ones and, once it finished, its error report. */
  long count(long importId) {
    return jdbc.sql("SELECT (SELECT COUNT(*) FROM import_staging WHERE import_id = :id)"
            + " + (SELECT COUNT(*) FROM import_error WHERE import_id = :id)")
        .param("id", importId).query(Long.class).single();
  }
}
