package io.couponflow.importing;

import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The import rows. Every state change is guarded by the status it expects, so races lose cleanly. */
@Repository
class ImportRepository {
  private static final String COLUMNS = """
      id, type, status, origin, coupon_set_id, child_set_id, file_name, source_format, delimiter_char, has_header,
      code_column, total, success, errors, attempt, created_at, started_at, finished_at, failure, phase, file_percent""";

  private final JdbcClient jdbc;

  ImportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long couponSetId, Long childSetId, String fileName, FileLayout layout, int codeColumn, String origin,
      Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO import_job (type, status, origin, coupon_set_id, child_set_id, file_name, source_format,
                                    delimiter_char, has_header, code_column, created_at)
            VALUES ('coupons', 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(origin, couponSetId, childSetId, fileName, layout.csv() ? "csv" : "lines",
            String.valueOf(layout.delimiter()), layout.hasHeader(), codeColumn, Timestamps.bind(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<ImportRecord> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = ?").param(id).query(this::map).optional();
  }

  List<ImportRecord> page(Long couponSetId, long beforeId, int limit) {
    var spec = jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id < :before"
            + (couponSetId == null ? "" : " AND coupon_set_id = :setId") + " ORDER BY id DESC LIMIT :limit")
        .param("before", beforeId).param("limit", limit);
    if (couponSetId != null) {
      spec = spec.param("setId", couponSetId);
    }
    return spec.query(this::map).list();
  }

  /**
   * Starts (or restarts, after a crash) an import as a new attempt, counting from zero; a
   * compare-and-set on the attempt number, so two nodes never get the same one. Empty when it is over.
   */
  Optional<Integer> startAttempt(long id, Instant now) {
    while (true) {
      Optional<Integer> current = jdbc.sql("SELECT attempt FROM import_job WHERE id = ? AND status IN ('queued', 'inProgress')")
          .param(id).query(Integer.class).optional();
      if (current.isEmpty()) {
        return Optional.empty();
      }
      int next = current.get() + 1;
      int updated = jdbc.sql("""
              UPDATE import_job SET status = 'inProgress', attempt = ?, total = 0, success = 0, errors = 0,
                                    phase = 'reading', file_percent = 0, started_at = COALESCE(started_at, ?)
              WHERE id = ? AND attempt = ? AND status IN ('queued', 'inProgress')""")
          .params(next, Timestamps.bind(now), id, current.get()).update();
      if (updated == 1) {
        return Optional.of(next);
      }
    }
  }

  /**
   * Records progress while the file is read: rows so far, rejected ones among them, and how much
   * of the file that is; false when the import was cancelled or another attempt took it over.
   */
  boolean progress(long id, int attempt, long total, long errors, int percentRead) {
    return jdbc.sql("""
            UPDATE import_job SET total = ?, errors = ?, file_percent = ?
            WHERE id = ? AND status = 'inProgress' AND attempt = ?""")
        .params(total, errors, percentRead, id, attempt).update() == 1;
  }

  /** The attempt moves on to {@code phase}; false when the import was cancelled or taken over. */
  boolean phase(long id, int attempt, ImportPhase phase) {
    return jdbc.sql("UPDATE import_job SET phase = ? WHERE id = ? AND status = 'inProgress' AND attempt = ?")
        .params(phase.wire(), id, attempt).update() == 1;
  }

  /** Locks the row until the transaction ends; true when this attempt may still apply the import. */
  boolean lockForFinish(long id, int attempt) {
    return jdbc.sql("SELECT status, attempt FROM import_job WHERE id = ? FOR UPDATE").param(id)
        .query((rs, n) -> "inProgress".equals(rs.getString(1)) && rs.getInt(2) == attempt)
        .optional().orElse(false);
  }

  void finish(long id, int attempt, long total, long success, long errors, Instant now) {
    int updated = jdbc.sql("""
            UPDATE import_job SET status = 'finished', total = ?, success = ?, errors = ?, finished_at = ?,
                                  phase = NULL, file_percent = NULL
            WHERE id = ? AND status = 'inProgress' AND attempt = ?""")
        .params(total, success, errors, Timestamps.bind(now), id, attempt).update();
    if (updated != 1) {
      throw new IllegalStateException("import " + id + " changed while its row was locked");
    }
  }

  boolean fail(long id, int attempt, String failure, Instant now) {
    String text = failure == null ? "" : failure.length() > 1000 ? failure.substring(0, 1000) : failure;
    return jdbc.sql("""
            UPDATE import_job SET status = 'error', failure = ?, finished_at = ?, phase = NULL, file_percent = NULL
            WHERE id = ? AND status = 'inProgress' AND attempt = ?""")
        .params(text, Timestamps.bind(now), id, attempt).update() == 1;
  }

  boolean cancel(long id, Instant now) {
    return jdbc.sql("""
            UPDATE import_job SET status = 'cancelled', finished_at = ?, phase = NULL, file_percent = NULL
            WHERE id = ? AND status IN ('queued', 'inProgress')""")
        .params(Timestamps.bind(now), id).update() == 1;
  }

  private ImportRecord map(ResultSet rs, int row) throws SQLException {
    FileLayout layout = "csv".equals(rs.getString("source_format"))
        ? FileLayout.csv(rs.getString("delimiter_char").charAt(0), rs.getBoolean("has_header"))
        : FileLayout.lines();
    return new ImportRecord(rs.getLong("id"), rs.getString("type"), ImportStatus.fromWire(rs.getString("status")),
        rs.getString("origin"), rs.getLong("coupon_set_id"), rs.getObject("child_set_id", Long.class),
        rs.getString("file_name"), layout, rs.getInt("code_column"), rs.getLong("total"), rs.getLong("success"),
        rs.getLong("errors"), rs.getInt("attempt"), Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "started_at"), Timestamps.read(rs, "finished_at"), rs.getString("failure"),
        ImportPhase.fromWire(rs.getString("phase")), rs.getObject("file_percent", Integer.class));
  }
}
