package io.couponflow.code;

import io.couponflow.db.MultiRow;
import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code code} and the free-code queue {@code free_code} that claims draw from,
 * and nowhere else. Callers own the transaction; a status changes only through {@link #transition}
 * or the claim, both guarded by {@link CodeStatus#predecessors()}.
 */
@Repository
class CodeTable {
  private static final String COLUMNS = "id, code_value, status, child_set_id, created_at";

  /**
   * PostgreSQL: one statement, one round trip. The ORDER BY matches the primary key so the planner
   * always walks the index from the set's first free code: without it, a set that is most of the
   * table gets a sequential scan past every other set's rows (60 ms a claim, measured). The LIMIT is
   * a literal: a generic plan takes a LIMIT parameter for 10% of the set and may sort instead.
   * A queued code that is not available comes back without a value (the guard refused it).
   */
  private static final String CLAIM = """
      WITH picked AS MATERIALIZED (
        SELECT q.coupon_set_id, q.child_key, q.code_id FROM free_code q
        WHERE q.coupon_set_id = :setId %s AND (q.expires_at IS NULL OR q.expires_at > CURRENT_TIMESTAMP)
        ORDER BY q.child_key, q.code_id LIMIT %d FOR UPDATE SKIP LOCKED),
      claimed AS (
        DELETE FROM free_code f USING picked p
        WHERE f.coupon_set_id = p.coupon_set_id AND f.child_key = p.child_key AND f.code_id = p.code_id
        RETURNING f.code_id, f.child_key),
      marked AS (
        UPDATE code c SET status = 'assigned' FROM claimed
        WHERE c.id = claimed.code_id AND c.status IN (%s)
        RETURNING c.id, c.code_value)
      SELECT claimed.code_id, marked.code_value, claimed.child_key
      FROM claimed LEFT JOIN marked ON marked.id = claimed.code_id
      """;

  /**
   * H2: no DELETE ... RETURNING in a CTE, so lock with SKIP LOCKED, then delete and mark in the same
   * transaction. No ORDER BY here: H2 applies LIMIT before skipping locked rows, so an ordered pick
   * would see a locked first row and answer "none left" while codes remain.
   */
  private static final String PICK = """
      SELECT coupon_set_id, child_key, code_id FROM free_code
      WHERE coupon_set_id = :setId %s AND (expires_at IS NULL OR expires_at > CURRENT_TIMESTAMP)
      LIMIT %d FOR UPDATE SKIP LOCKED
      """;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final SqlDialect dialect;

  CodeTable(JdbcClient jdbc, NamedParameterJdbcTemplate named, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.named = named;
    this.dialect = dialect;
  }

  void insertSingleCode(long couponSetId, String value, Instant now) {
    jdbc.sql("""
            INSERT INTO code (coupon_set_id, code_value, code_key, status, created_at)
            VALUES (?, ?, ?, 'available', ?)""")
        .params(couponSetId, value, CodeRules.keyOf(value), Timestamps.bind(now))
        .update();
  }

  long singleCodeId(long couponSetId) {
    return jdbc.sql("SELECT id FROM code WHERE coupon_set_id = ?").param(couponSetId).query(Long.class).single();
  }

  boolean exists(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM code WHERE code_key = ?").param(key).query(Long.class).single() > 0;
  }

  Set<String> existingKeys(List<String> keys) {
    Set<String> existing = new HashSet<>();
    for (List<String> chunk : MultiRow.chunks(keys)) {
      existing.addAll(jdbc.sql("SELECT code_key FROM code WHERE code_key IN (:keys)")
          .param("keys", chunk).query(String.class).list());
    }
    return existing;
  }

  /** Inserts codes (key to value) as available and queues them; a concurrent insert of one fails with DuplicateKeyException. */
  void insertFree(long couponSetId, Long childSetId, Map<String, String> valuesByKey, Instant expiresAt, Instant now) {
    if (valuesByKey.isEmpty()) {
      return;
    }
    SqlParameterSource[] rows = valuesByKey.entrySet().stream()
        .map(entry -> new MapSqlParameterSource()
            .addValue("setId", couponSetId).addValue("childId", childSetId)
            .addValue("value", entry.getValue()).addValue("key", entry.getKey())
            .addValue("now", Timestamps.bind(now)).addValue("expiresAt", Timestamps.bind(expiresAt)))
        .toArray(SqlParameterSource[]::new);
    named.batchUpdate("""
        INSERT INTO code (coupon_set_id, child_set_id, code_value, code_key, status, created_at, expires_at)
        VALUES (:setId, :childId, :value, :key, 'available', :now, :expiresAt)""", rows);
    long childKey = childSetId == null ? 0 : childSetId;
    for (List<String> chunk : MultiRow.chunks(List.copyOf(valuesByKey.keySet()))) {
      jdbc.sql("""
              INSERT INTO free_code (coupon_set_id, child_key, code_id, expires_at)
              SELECT coupon_set_id, :childKey, id, expires_at FROM code WHERE code_key IN (:keys)""")
          .param("childKey", childKey).param("keys", chunk).update();
    }
  }

  /**
   * Inserts the codes {@code select} yields (columns coupon_set_id, child_set_id, code_value,
   * code_key, status, import_id, created_at) and queues each under {@code childKey}; returns how
   * many. PostgreSQL does both in one statement; H2 finds the new rows again by their import_id.
   */
  long insertImported(String select, Map<String, ?> params, long importId, long childKey) {
    String insert = "INSERT INTO code (coupon_set_id, child_set_id, code_value, code_key, status, import_id, created_at) "
        + select;
    if (dialect.hasReturning()) {
      return jdbc.sql("WITH inserted AS (" + insert + " RETURNING id, coupon_set_id) "
              + "INSERT INTO free_code (coupon_set_id, child_key, code_id) SELECT coupon_set_id, :childKey, id FROM inserted")
          .params(params).param("childKey", childKey).update();
    }
    long inserted = jdbc.sql(insert).params(params).update();
    long queued = jdbc.sql("""
            INSERT INTO free_code (coupon_set_id, child_key, code_id)
            SELECT coupon_set_id, :childKey, id FROM code WHERE import_id = :importId""")
        .param("childKey", childKey).param("importId", importId).update();
    if (queued != inserted) {
      throw new IllegalStateException("import " + importId + " inserted " + inserted + " codes but queued " + queued);
    }
    return inserted;
  }

  /** A condition for another feature's set-based statement: a code with the key in {@code keyColumn} exists. */
  static String keyExists(String keyColumn) {
    return "EXISTS (SELECT 1 FROM code c WHERE c.code_key = " + keyColumn + ")";
  }

  /** See {@link CodePool#claim(long, Long, int)}. */
  List<ClaimedCode> claim(long couponSetId, Long childKey, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return dialect.hasReturning()
        ? claimInOneStatement(couponSetId, childKey, limit) : claimLockThenDelete(couponSetId, childKey, limit);
  }

  private List<ClaimedCode> claimInOneStatement(long couponSetId, Long childKey, int limit) {
    String sql = CLAIM.formatted(childKey == null ? "" : "AND q.child_key = :childKey", limit,
        literals(CodeStatus.ASSIGNED.predecessors()));
    var spec = jdbc.sql(sql).param("setId", couponSetId);
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    List<ClaimedCode> claimed = new ArrayList<>(
        spec.query((rs, n) -> new ClaimedCode(rs.getLong(1), rs.getString(2), rs.getLong(3))).list());
    for (ClaimedCode code : claimed) {
      if (code.value() == null) {
        throw refused(code.codeId(), CodeStatus.ASSIGNED);
      }
    }
    // RETURNING follows no order; the pick's order is the claim order
    claimed.sort(Comparator.comparingLong(ClaimedCode::childKey).thenComparingLong(ClaimedCode::codeId));
    return claimed;
  }

  /** A row of the free-code queue, by its primary key. */
  private record QueueRow(long couponSetId, long childKey, long codeId) {}

  private List<ClaimedCode> claimLockThenDelete(long couponSetId, Long childKey, int limit) {
    var spec = jdbc.sql(PICK.formatted(childKey == null ? "" : "AND child_key = :childKey", limit))
        .param("setId", couponSetId);
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    List<QueueRow> picked = spec.query((rs, n) -> new QueueRow(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    if (picked.isEmpty()) {
      return List.of();
    }
    dequeue(picked);
    Map<Long, String> values = transitionAll(picked.stream().map(QueueRow::codeId).toList(), CodeStatus.ASSIGNED);
    return picked.stream().map(p -> new ClaimedCode(p.codeId(), values.get(p.codeId()), p.childKey())).toList();
  }

  /** Deletes locked queue rows by primary key; each must be there. */
  private void dequeue(List<QueueRow> rows) {
    int[] deleted = named.batchUpdate(
        "DELETE FROM free_code WHERE coupon_set_id = :couponSetId AND child_key = :childKey AND code_id = :codeId",
        rows.stream().map(r -> new MapSqlParameterSource().addValue("couponSetId", r.couponSetId())
            .addValue("childKey", r.childKey()).addValue("codeId", r.codeId())).toArray(SqlParameterSource[]::new));
    for (int i = 0; i < deleted.length; i++) {
      if (deleted[i] != 1) {
        throw new IllegalStateException("free code " + rows.get(i).codeId() + " vanished while locked");
      }
    }
  }

  /** Puts a claimed code back on the free queue; refused unless it is assigned. */
  void release(long childKey, long codeId) {
    transition(codeId, CodeStatus.AVAILABLE);
    jdbc.sql("""
            INSERT INTO free_code (coupon_set_id, child_key, code_id, expires_at)
            SELECT coupon_set_id, ?, id, expires_at FROM code WHERE id = ?""")
        .params(childKey, codeId).update();
  }

  boolean withdraw(long couponSetId, long childKey, long codeId) {
    return jdbc.sql("DELETE FROM free_code WHERE coupon_set_id = ? AND child_key = ? AND code_id = ?")
        .params(couponSetId, childKey, codeId).update() == 1;
  }

  List<ExpiredCode> expireFree(Long couponSetId, Instant now, int limit) {
    String where = couponSetId == null ? "expires_at <= :now" : "coupon_set_id = :setId";
    var spec = jdbc.sql("SELECT coupon_set_id, child_key, code_id FROM free_code WHERE " + where
        + " LIMIT :limit FOR UPDATE SKIP LOCKED").param("limit", limit);
    spec = couponSetId == null ? spec.param("now", Timestamps.bind(now)) : spec.param("setId", couponSetId);
    List<ExpiredCode> due = spec.query((rs, n) -> new ExpiredCode(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    if (!due.isEmpty()) {
      dequeue(due.stream().map(c -> new QueueRow(c.couponSetId(), c.childKey(), c.codeId())).toList());
      transitionAll(due.stream().map(ExpiredCode::codeId).toList(), CodeStatus.EXPIRED);
    }
    return due;
  }

  /**
   * The one way a code's status changes after it was created (the claim aside, which guards the
   * same way): refused with {@link IllegalCodeTransitionException} unless {@code next} may follow
   * the current status.
   */
  void transition(long codeId, CodeStatus next) {
    transitionAll(List.of(codeId), next);
  }

  /** As {@link #transition} for many codes at once, all or none; returns each code's value by id. */
  private Map<Long, String> transitionAll(List<Long> codeIds, CodeStatus next) {
    Map<Long, String> values = new HashMap<>();
    List<String> from = next.predecessors().stream().map(CodeStatus::wire).toList();
    for (List<Long> chunk : MultiRow.chunks(codeIds)) {
      String sql = dialect.hasReturning()
          ? "UPDATE code SET status = :next WHERE id IN (:ids) AND status IN (:from) RETURNING id, code_value"
          : "SELECT id, code_value FROM FINAL TABLE (UPDATE code SET status = :next WHERE id IN (:ids) AND status IN (:from))";
      jdbc.sql(sql).param("next", next.wire()).param("ids", chunk).param("from", from)
          .query(rs -> {
            values.put(rs.getLong(1), rs.getString(2));
          });
    }
    for (long codeId : codeIds) {
      if (!values.containsKey(codeId)) {
        throw refused(codeId, next);
      }
    }
    return values;
  }

  private IllegalStateException refused(long codeId, CodeStatus next) {
    return jdbc.sql("SELECT status FROM code WHERE id = ?").param(codeId).query(String.class).optional()
        .<IllegalStateException>map(current -> new IllegalCodeTransitionException(codeId, CodeStatus.fromWire(current), next))
        .orElseGet(() -> new IllegalStateException("code " + codeId + " does not exist"));
  }

  /** Serialises changes to one code (a single-use code's redemptions, and its claim, which updates the same row). */
  void lock(long codeId) {
    jdbc.sql("SELECT id FROM code WHERE id = ? FOR UPDATE").param(codeId).query(Long.class).single();
  }

  List<Long> setIdsWithKey(String key) {
    return jdbc.sql("SELECT coupon_set_id FROM code WHERE code_key = ?").param(key).query(Long.class).list();
  }

  Optional<LocatedCode> findByKey(String key) {
    return jdbc.sql("SELECT coupon_set_id, " + COLUMNS + " FROM code WHERE code_key = ?").param(key)
        .query((rs, n) -> new LocatedCode(rs.getLong("coupon_set_id"), code(rs))).optional();
  }

  List<Code> page(long couponSetId, CodeStatus status, Long childKey, long beforeId, int limit) {
    String sql = "SELECT " + COLUMNS + " FROM code WHERE coupon_set_id = :setId AND id < :before"
        + (status == null ? "" : " AND status = :status")
        + (childKey == null ? "" : childKey == 0 ? " AND child_set_id IS NULL" : " AND child_set_id = :childId")
        + " ORDER BY id DESC LIMIT :limit";
    var spec = jdbc.sql(sql).param("setId", couponSetId).param("before", beforeId).param("limit", limit);
    if (status != null) {
      spec = spec.param("status", status.wire());
    }
    if (childKey != null && childKey != 0) {
      spec = spec.param("childId", childKey);
    }
    return spec.query((rs, n) -> code(rs)).list();
  }

  /**
   * Moves the free codes among {@code codeIds} (codes of the set) to child key {@code toKey}, skipping
   * queue rows other transactions hold (a claim under way); answers the moved ids by the key they left.
   */
  Map<Long, List<Long>> moveFree(long couponSetId, List<Long> codeIds, long toKey) {
    Map<Long, List<Long>> byFrom = new HashMap<>();
    for (List<Long> chunk : MultiRow.chunks(codeIds)) {
      jdbc.sql("""
              SELECT child_key, code_id FROM free_code
              WHERE coupon_set_id = :setId AND code_id IN (:ids) AND child_key <> :to FOR UPDATE SKIP LOCKED""")
          .param("setId", couponSetId).param("ids", chunk).param("to", toKey)
          .query(rs -> {
            byFrom.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
          });
    }
    byFrom.forEach((fromKey, ids) -> requeue(couponSetId, fromKey, toKey, ids));
    return byFrom;
  }

  /** Moves up to {@code limit} free codes of child key {@code fromKey} to {@code toKey}; answers how many. */
  long moveFree(long couponSetId, long fromKey, long toKey, long limit) {
    long moved = 0;
    while (moved < limit) {
      int batch = (int) Math.min(MOVE_BATCH, limit - moved);
      // no ORDER BY: as in the claim, H2 would stop at a locked first row
      List<Long> ids = jdbc.sql("SELECT code_id FROM free_code WHERE coupon_set_id = ? AND child_key = ? LIMIT "
              + batch + " FOR UPDATE SKIP LOCKED")
          .params(couponSetId, fromKey).query(Long.class).list();
      if (ids.isEmpty()) {
        break;
      }
      requeue(couponSetId, fromKey, toKey, ids);
      moved += ids.size();
      if (ids.size() < batch) {
        break;
      }
    }
    return moved;
  }

  private static final int MOVE_BATCH = 5000;

  /** Locked queue rows change child key, and so do their codes, which must be available: fails loudly otherwise. */
  private void requeue(long couponSetId, long fromKey, long toKey, List<Long> ids) {
    for (List<Long> chunk : MultiRow.chunks(ids)) {
      int queued = jdbc.sql("""
              UPDATE free_code SET child_key = :to
              WHERE coupon_set_id = :setId AND child_key = :from AND code_id IN (:ids)""")
          .param("to", toKey).param("setId", couponSetId).param("from", fromKey).param("ids", chunk).update();
      int coded = jdbc.sql("""
              UPDATE code SET child_set_id = :to
              WHERE coupon_set_id = :setId AND id IN (:ids) AND status = :available""")
          .param("to", toKey == 0 ? null : toKey, java.sql.Types.BIGINT).param("setId", couponSetId).param("ids", chunk)
          .param("available", CodeStatus.AVAILABLE.wire()).update();
      if (queued != chunk.size() || coded != chunk.size()) {
        throw new IllegalStateException("moving " + chunk.size() + " free codes of set " + couponSetId + " moved "
            + queued + " queue rows and " + coded + " available codes");
      }
    }
  }

  /** The codes of a set spelled like {@code keys} in any case. */
  List<Code> findInSet(long couponSetId, List<String> keys) {
    List<Code> found = new ArrayList<>();
    for (List<String> chunk : MultiRow.chunks(keys)) {
      found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM code WHERE coupon_set_id = :setId AND code_key IN (:keys)")
          .param("setId", couponSetId).param("keys", chunk).query((rs, n) -> code(rs)).list());
    }
    return found;
  }

  void moveChildToParent(long couponSetId, long childSetId) {
    jdbc.sql("UPDATE free_code SET child_key = 0 WHERE coupon_set_id = ? AND child_key = ?")
        .params(couponSetId, childSetId).update();
    jdbc.sql("UPDATE code SET child_set_id = NULL WHERE coupon_set_id = ? AND child_set_id = ?")
        .params(couponSetId, childSetId).update();
  }

  void deleteQueue(long couponSetId) {
    jdbc.sql("DELETE FROM free_code WHERE coupon_set_id = ?").param(couponSetId).update();
  }

  void deleteAll(long couponSetId) {
    jdbc.sql("DELETE FROM code WHERE coupon_set_id = ?").param(couponSetId).update();
  }

  private static Code code(ResultSet rs) throws SQLException {
    return new Code(rs.getLong("id"), rs.getString("code_value"), CodeStatus.fromWire(rs.getString("status")),
        (Long) rs.getObject("child_set_id", Long.class), Timestamps.read(rs, "created_at"));
  }

  /** Status names as SQL literals; they come from the enum, never from input. */
  private static String literals(Collection<CodeStatus> statuses) {
    return statuses.stream().map(s -> "'" + s.wire() + "'").collect(Collectors.joining(", "));
  }
}
