package io.couponflow.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL: RETURNING in data-modifying CTEs (a claim is one statement, one round trip), ON CONFLICT, COPY. */
class PostgresDialect implements SqlDialect {
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  PostgresDialect(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.template = new JdbcTemplate(dataSource);
  }

  @Override
  public boolean hasReturning() {
    return true;
  }

  @Override
  public void upsertAdd(String table, Map<String, Object> keys, Map<String, Long> deltas) {
    upsertAddAll(List.of(new UpsertAdd(table, keys, deltas)));
  }

  /** Data-modifying CTEs: every upsert but the last is a WITH clause of the last one. */
  @Override
  public void upsertAddAll(List<UpsertAdd> upserts) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> statements = new java.util.ArrayList<>();
    for (int n = 0; n < upserts.size(); n++) {
      UpsertAdd u = upserts.get(n);
      String prefix = "u" + n + "_";
      Map<String, Object> row = new LinkedHashMap<>(u.keys());
      row.putAll(u.deltas());
      row.forEach((column, value) -> params.put(prefix + column, value));
      String values = row.keySet().stream().map(c -> ":" + prefix + c).collect(Collectors.joining(", "));
      String adds = u.deltas().keySet().stream().map(c -> c + " = " + u.table() + "." + c + " + EXCLUDED." + c)
          .collect(Collectors.joining(", "));
      statements.add("INSERT INTO " + u.table() + " (" + String.join(", ", row.keySet()) + ") VALUES (" + values
          + ") ON CONFLICT (" + String.join(", ", u.keys().keySet()) + ") DO UPDATE SET " + adds);
    }
    StringBuilder sql = new StringBuilder();
    for (int n = 0; n < statements.size() - 1; n++) {
      sql.append(n == 0 ? "WITH " : ", ").append("u").append(n).append(" AS (").append(statements.get(n)).append(")");
    }
    sql.append(sql.length() == 0 ? "" : " ").append(statements.get(statements.size() - 1));
    jdbc.sql(sql.toString()).params(params).update();
  }

  @Override
  public String returning(String modification, String columns) {
    return modification + " RETURNING " + columns;
  }

  @Override
  public boolean isPostgres() {
    return true;
  }

  @Override
  public boolean holdSetForNewCodes(long couponSetId, Long childSetId) {
    return jdbc.sql("SELECT id FROM coupon_set WHERE id = ? FOR KEY SHARE").param(couponSetId)
        .query(Long.class).optional().isPresent()
        && (childSetId == null || jdbc.sql("SELECT id FROM child_set WHERE id = ? AND coupon_set_id = ? FOR KEY SHARE")
            .params(childSetId, couponSetId).query(Long.class).optional().isPresent());
  }

  @Override
  public void bulkInsert(String table, List<String> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT binary)";
    CopyBinary data = CopyBinary.of(rows);
    template.execute((ConnectionCallback<Long>) connection -> {
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      try {
        copy.writeToCopy(data.bytes(), 0, data.length());
        return copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    });
  }

  @Override
  public void refreshStatistics(String table) {
    jdbc.sql("ANALYZE " + table).update();
  }

  @Override
  public void allowLargeSorts() {
    jdbc.sql("SET LOCAL work_mem = '32MB'").update();
    jdbc.sql("SET LOCAL jit = off").update();
  }
}
