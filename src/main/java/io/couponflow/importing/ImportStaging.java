package io.couponflow.importing;

import io.couponflow.code.CodePool;
import io.couponflow.code.RejectReason;
import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private static final List<String> COLUMNS = List.of("import_id", "attempt", "line_no", "code_value", "code_key", "reason", "bucket");
  /** Staged candidates are spread over this many buckets by key; a database sorts them in {@link SqlDialect#sortSlices()} slices. */
  static final int BUCKETS = 16;
  private static final int REPORT_PAGE = 5000;

  /** Rows of one attempt, and how many of them were rejected. */
  record Tally(long total, long errors) {
    long success() {
      return total - errors;
    }
  }

  private final JdbcClient jdbc;
  private final SqlDialect dialect;
  private final CodePool codes;

  ImportStaging(JdbcClient jdbc, SqlDialect dialect, CodePool codes) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.codes = codes;
  }

  void append(long importId, int attempt, List<StagedRow> rows) {
    List<Object[]> values = new ArrayList<>(rows.size());
    for (StagedRow row : rows) {
      values.add(new Object[] {importId, attempt, row.line(), row.value(), row.key(),
          row.reason() == null ? null : row.reason().wire(), row.key() == null ? 0 : Math.floorMod(row.key().hashCode(), BUCKETS)});
    }
    dialect.bulkInsert("import_staging", COLUMNS, values);
  }

  /** After the file is staged: fresh planner statistics for the set-based statements that follow. */
  void analyze() {
    dialect.refreshStatistics("import_staging");
  }

  /**
   * Every occurrence of a code after its first line in the file is a duplicate-in-file. One sort
   * of the import's rows; call in a transaction (PostgreSQL gets the memory to sort them at once).
   */
  void markDuplicatesInFile(long importId, int attempt) {
    dialect.allowLargeSorts();
    int slices = Math.max(1, Math.min(BUCKETS, dialect.sortSlices()));
    String sql = """
        MERGE INTO import_staging s
        USING (SELECT line_no FROM (
                 SELECT line_no, ROW_NUMBER() OVER (PARTITION BY %s ORDER BY line_no) AS occurrence
                 FROM import_staging WHERE import_id = :id AND attempt = :attempt AND reason IS NULL
                   AND MOD(bucket, :slices) = :slice) ranked
               WHERE occurrence > 1) d
        ON s.import_id = :id AND s.attempt = :attempt AND s.line_no = d.line_no
        WHEN MATCHED THEN UPDATE SET reason = :reason""".formatted(dialect.bytewise("code_key"));
    for (int slice = 0; slice < slices; slice++) {
      jdbc.sql(sql)
          .param("id", importId).param("attempt", attempt).param("slices", slices).param("slice", slice)
          .param("reason", RejectReason.DUPLICATE_IN_FILE.wire())
          .update();
    }
  }

  /** Codes that exist in any set, compared by key (case-insensitive). Run in the final transaction. */
  void markAlreadyExisting(long importId, int attempt) {
    dialect.allowLargeSorts();
    jdbc.sql("""
            UPDATE import_staging SET reason = :reason
            WHERE import_id = :id AND attempt = :attempt AND reason IS NULL
              AND %s""".formatted(CodePool.keyExistsCondition("import_staging.code_key")))
        .param("id", importId).param("attempt", attempt).param("reason", RejectReason.ALREADY_EXISTS.wire())
        .update();
  }

  /** Inserts the accepted rows as free codes of the set, in the database's fastest order; returns how many. */
  long insertAccepted(long importId, int attempt, long couponSetId, Long childSetId, Instant now) {
    Map<String, Object> params = new HashMap<>();
    params.put("setId", couponSetId);
    params.put("childId", childSetId);
    params.put("id", importId);
    params.put("attempt", attempt);
    params.put("now", Timestamps.bind(now));
    return codes.addImported("""
        SELECT :setId, CAST(:childId AS BIGINT), code_value, code_key, 'available', :id,
               CAST(:now AS TIMESTAMP WITH TIME ZONE)
        FROM import_staging WHERE import_id = :id AND attempt = :attempt AND reason IS NULL
        ORDER BY""" + " " + dialect.importedCodesOrder(), params, importId, childSetId == null ? 0L : childSetId);
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
