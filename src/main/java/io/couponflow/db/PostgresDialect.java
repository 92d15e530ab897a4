package io.couponflow.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL: the claim is one statement, one round trip. */
class PostgresDialect implements SqlDialect {
  private static final String CLAIM = """
      WITH claimed AS (
        DELETE FROM free_code f
        WHERE (f.coupon_set_id, f.child_key, f.code_id) = (
          SELECT q.coupon_set_id, q.child_key, q.code_id FROM free_code q
          WHERE q.coupon_set_id = :setId %s AND (q.expires_at IS NULL OR q.expires_at > CURRENT_TIMESTAMP)
          LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING f.code_id, f.child_key)
      UPDATE code c SET status = 'assigned' FROM claimed WHERE c.id = claimed.code_id
      RETURNING c.id, c.code_value, claimed.child_key
      """;
  private static final String CLAIM_ANY = CLAIM.formatted("");
  private static final String CLAIM_CHILD = CLAIM.formatted("AND q.child_key = :childKey");

  private final JdbcClient jdbc;

  PostgresDialect(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ClaimedCode> claimFreeCode(long couponSetId, Long childKey) {
    var spec = jdbc.sql(childKey == null ? CLAIM_ANY : CLAIM_CHILD).param("setId", couponSetId);
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    return spec.query((rs, n) -> new ClaimedCode(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional();
  }

  @Override
  public void upsertAdd(String table, Map<String, Object> keys, Map<String, Long> deltas) {
    Map<String, Object> params = new LinkedHashMap<>(keys);
    params.putAll(deltas);
    String columns = String.join(", ", params.keySet());
    String values = params.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    String adds = deltas.keySet().stream().map(c -> c + " = " + table + "." + c + " + EXCLUDED." + c)
        .collect(Collectors.joining(", "));
    jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
        + String.join(", ", keys.keySet()) + ") DO UPDATE SET " + adds).params(params).update();
  }

  @Override
  public boolean isPostgres() {
    return true;
  }
}
