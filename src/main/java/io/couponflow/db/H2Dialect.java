package io.couponflow.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2: no RETURNING (FINAL TABLE instead), so the code package claims in several statements of one
 * transaction; MERGE instead of ON CONFLICT; JDBC batches instead of COPY.
 */
class H2Dialect implements SqlDialect {
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  H2Dialect(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.template = new JdbcTemplate(dataSource);
  }

  @Override
  public boolean hasReturning() {
    return false;
  }

  /** MERGE; two first inserts of one key can race on H2, so the loser merges again (now an update). */
  @Override
  public void upsertAdd(String table, Map<String, Object> keys, Map<String, Long> deltas) {
    Map<String, Object> params = new LinkedHashMap<>(keys);
    params.putAll(deltas);
    String on = keys.keySet().stream().map(c -> "t." + c + " = :" + c).collect(Collectors.joining(" AND "));
    String adds = deltas.keySet().stream().map(c -> c + " = t." + c + " + :" + c).collect(Collectors.joining(", "));
    String values = params.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    String sql = "MERGE INTO " + table + " t USING (VALUES (1)) s(x) ON " + on + " WHEN MATCHED THEN UPDATE SET " + adds
        + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", params.keySet()) + ") VALUES (" + values + ")";
    try {
      jdbc.sql(sql).params(params).update();
    } catch (DuplicateKeyException raced) {
      jdbc.sql(sql).params(params).update();
    }
  }

  @Override
  public void upsertAddAll(List<UpsertAdd> upserts) {
    upserts.forEach(u -> upsertAdd(u.table(), u.keys(), u.deltas()));
  }

  @Override
  public String returning(String modification, String columns) {
    return "SELECT " + columns + " FROM FINAL TABLE (" + modification + ")";
  }

  @Override
  public boolean isPostgres() {
    return false;
  }

  @Override
  public boolean holdSetForNewCodes(long couponSetId, Long childSetId) {
    // H2 keeps the foreign key from code to coupon_set: each insert locks the set row itself
    return jdbc.sql("SELECT id FROM coupon_set WHERE id = ?").param(couponSetId).query(Long.class).optional().isPresent()
        && (childSetId == null || jdbc.sql("SELECT id FROM child_set WHERE id = ? AND coupon_set_id = ? FOR UPDATE")
            .params(childSetId, couponSetId).query(Long.class).optional().isPresent());
  }

  @Override
  public void bulkInsert(String table, List<String> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + MultiRow.list(columns.size()) + ")";
    template.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
      // outside a transaction, one commit per batch rather than one per row
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (var statement = connection.prepareStatement(sql)) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            statement.setObject(i + 1, row[i]);
          }
          statement.addBatch();
        }
        statement.executeBatch();
        if (autoCommit) {
          connection.commit();
        }
      } catch (java.sql.SQLException | RuntimeException e) {
        if (autoCommit) {
          connection.rollback();
        }
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      return null;
    });
  }

  @Override
  public void refreshStatistics(String table) {
    // H2 plans from its indexes; nothing to refresh
  }

  @Override
  public void allowLargeSorts() {
    // H2 sorts a big result in a temporary file on its own; nothing to tune per transaction
  }
}
