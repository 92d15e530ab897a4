package io.couponflow.importing;

import io.couponflow.code.RejectReason;
import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staging rows of imports: filled by bulk insert while a file is read, checked with set-based
 * statements, then turned into codes with one INSERT ... SELECT. Rows are keyed by import and
 * attempt, so a runner that was taken over cannot mix its rows into its successor's.
 */
@Repository
class ImportStaging {
  private static final List<String> COLUMNS = List.of("import_id", "attempt", "line_no", "code_value", "code_key", "reason");
  private static final int REPORT_PAGE = 5000;

  /** Rows of one attempt, and how many of them were rejected. */
  record Tally(long total, long errors) {
    long success() {
      return total - errors;
    }
  }

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  ImportStaging(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  void append(long importId, int attempt, List<StagedRow> rows) {
    List<Object[]> values = new ArrayList<>(rows.size());
    for (StagedRow row : rows) {
      values.add(new Object[] {importId, attempt, row.line(), row.value(), row.key(),
          row.reason() == null ? null : row.reason().wire()});
    }
    dialect.bulkInsert("import_staging", COLUMNS, values);
  }

  /** Every occurrence of a code after its first line in the file is a duplicate-in-file. */
  void markDuplicatesInFile(long importId, int attempt) {
    jdbc.sql("""
            MERGE INTO import_staging s
            USING (SELECT line_no FROM (
                     SELECT line_no, ROW_NUMBER() OVER (PARTITION BY code_key ORDER BY line_no) AS occurrence
                     FROM import_staging WHERE import_id = :id AND attempt = :attempt AND reason IS NULL) ranked
                   WHERE occurrence > 1) d
            ON s.import_id = :id AND s.attempt = :attempt AND s.line_no = d.line_no
            WHEN MATCHED THEN UPDATE SET reason = :reason""")
        .param("id", importId).param("attempt", attempt).param("reason", RejectReason.DUPLICATE_IN_FILE.wire())
        .update();
  }

  /** Codes that exist in any set, compared by key (case-insensitive). Run in the final transaction. */
  void markAlreadyExisting(long importId, int attempt) {
    jdbc.sql("""
            UPDATE import_staging SET reason = :reason
            WHERE import_id = :id AND attempt = :attempt AND reason IS NULL
              AND EXISTS (SELECT 1 FROM code c WHERE c.code_key = import_staging.code_key)""")
        .param("id", importId).param("attempt", attempt).param("reason", RejectReason.ALREADY_EXISTS.wire())
        .update();
  }

  /** Inserts the accepted rows as free codes of the set, in file order; returns how many. */
  long insertAccepted(long importId, int attempt, long couponSetId, Long childSetId, Instant now) {
    long inserted = jdbc.sql("""
            INSERT INTO code (coupon_set_id, child_set_id, code_value, code_key, status, import_id, created_at)
            SELECT :setId, CAST(:childId AS BIGINT), code_value, code_key, 'available', :id,
                   CAST(:now AS TIMESTAMP WITH TIME ZONE)
            FROM import_staging WHERE import_id = :id AND attempt = :attempt AND reason IS NULL
            ORDER BY line_no""")
        .param("setId", couponSetId).param("childId", childSetId).param("id", importId)
        .param("attempt", attempt).param("now", Timestamps.bind(now))
        .update();
    long queued = jdbc.sql("""
            INSERT INTO free_code (coupon_set_id, child_key, code_id)
            SELECT c.coupon_set_id, :childKey, c.id
            FROM import_staging s JOIN code c ON c.code_key = s.code_key
            WHERE s.import_id = :id AND s.attempt = :attempt AND s.reason IS NULL""")
        .param("childKey", childSetId == null ? 0L : childSetId).param("id", importId).param("attempt", attempt)
        .update();
    if (queued != inserted) {
      throw new IllegalStateException("import " + importId + " inserted " + inserted + " codes but queued " + queued);
    }
    return inserted;
  }

  Tally tally(long importId, int attempt) {
    return jdbc.sql("SELECT COUNT(*), COUNT(reason) FROM import_staging WHERE import_id = ? AND attempt = ?")
        .params(importId, attempt)
        .query((rs, n) -> new Tally(rs.getLong(1), rs.getLong(2))).single();
  }

  /** The rejected rows of a finished import in line order, read page by page. */
  void forEachError(long importId, Consumer<StagedRow> consumer) {
    long after = 0;
    while (true) {
      List<StagedRow> page = jdbc.sql("""
              SELECT line_no, code_value, reason FROM import_staging
              WHERE import_id = ? AND reason IS NOT NULL AND line_no > ?
              ORDER BY line_no LIMIT ?""")
          .params(importId, after, REPORT_PAGE)
          .query((rs, n) -> new StagedRow(rs.getLong(1), rs.getString(2), null, reasonOf(rs.getString(3))))
          .list();
      page.forEach(consumer);
      if (page.size() < REPORT_PAGE) {
        return;
      }
      after = page.get(page.size() - 1).line();
    }
  }

  /** After the codes are in: keep only the rejected rows of the winning attempt (the error report). */
  void keepErrorsOnly(long importId, int attempt) {
    jdbc.sql("DELETE FROM import_staging WHERE import_id = ? AND (attempt <> ? OR reason IS NULL)")
        .params(importId, attempt).update();
  }

  void clear(long importId) {
    jdbc.sql("DELETE FROM import_staging WHERE import_id = ?").param(importId).update();
  }

  long count(long importId) {
    return jdbc.sql("SELECT COUNT(*) FROM import_staging WHERE import_id = ?").param(importId).query(Long.class).single();
  }

  private static RejectReason reasonOf(String wire) {
    for (RejectReason reason : RejectReason.values()) {
      if (reason.wire().equals(wire)) {
        return reason;
      }
    }
    throw new IllegalStateException("unknown reject reason " + wire);
  }
}
