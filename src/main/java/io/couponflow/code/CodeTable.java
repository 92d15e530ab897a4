package io.couponflow.code;

import io.couponflow.db.MultiRow;
import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code code}, and nowhere else. The claim queue is the code table itself: a
 * code of a multiple set is free while its status is available, and {@code child_key} (its child
 * set's id, 0 outside child sets, NULL for an individual set's one code, which is never claimed)
 * orders the queue. On PostgreSQL a partial index holds only the available codes
 * ({@code code_claim_idx}), so a claim walks free codes only and an import writes one table.
 * Callers own the transaction; a status changes only through {@link #transition} or the claim, both
 * guarded by {@link CodeStatus#predecessors()}.
 */
@Repository
class CodeTable {
  private static final String COLUMNS = "id, code_value, status, child_set_id, created_at, fields";
  private static final String FREE = "status = 'available' AND child_key IS NOT NULL";

  /**
   * PostgreSQL: one statement, one round trip. The ORDER BY is the claim index's order, so the
   * planner walks that index from the set's first free code; the LIMIT is a literal (a generic plan
   * takes a LIMIT parameter for 10% of the set and may sort instead). NO KEY UPDATE: the claim
   * changes no key, so it does not wait for (or skip) codes that an assignment's foreign key check
   * holds. A locked code's status is checked again on its newest version, so a code claimed by a
   * transaction that committed meanwhile is skipped, never claimed twice.
   */
  private static final String CLAIM = """
      WITH picked AS MATERIALIZED (
        SELECT c.id FROM code c
        WHERE c.coupon_set_id = :setId AND c.status = 'available' AND c.child_key IS NOT NULL %s
          AND (c.expires_at IS NULL OR c.expires_at > CURRENT_TIMESTAMP)
        ORDER BY c.child_key, c.id LIMIT %d FOR NO KEY UPDATE SKIP LOCKED)
      UPDATE code c SET status = 'assigned' FROM picked
      WHERE c.id = picked.id AND c.status = 'available'
      RETURNING c.id, c.code_value, c.child_key, c.fields
      """;

  /**
   * H2: lock with SKIP LOCKED, then mark in the same transaction. No ORDER BY here: H2 applies
   * LIMIT before skipping locked rows, so an ordered pick would see a locked first row and answer
   * "none left" while codes remain.
   */
  private static final String PICK = """
      SELECT id, child_key FROM code
      WHERE coupon_set_id = :setId AND status = 'available' AND child_key IS NOT NULL %s
        AND (expires_at IS NULL OR expires_at > CURRENT_TIMESTAMP)
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

  private static final List<String> IMPORTED_COLUMNS = List.of("coupon_set_id", "child_set_id", "child_key",
      "code_value", "code_key", "status", "import_id", "created_at", "fields");

  /**
   * See {@link CodePool#appendImported}. Optimistic: the unique key checks the codes as they go in;
   * only a batch that runs into an existing code is rolled back to its savepoint, looked up, and
   * appended again without the codes that exist. Answers the keys that existed.
   */
  Set<String> appendImported(long couponSetId, Long childSetId, long importId, Instant now, List<NewImportedCode> codes) {
    long childKey = childSetId == null ? 0 : childSetId;
    List<Object[]> rows = new ArrayList<>(codes.size());
    for (NewImportedCode code : codes) {
      rows.add(new Object[] {couponSetId, childSetId, childKey, code.value(), code.key(), "available", importId,
          now, code.fields()});
    }
    if (appendUnlessDuplicate(rows)) {
      return Set.of();
    }
    Set<String> existing = existingKeys(codes.stream().map(NewImportedCode::key).toList());
    List<Object[]> fresh = rows.stream().filter(row -> !existing.contains((String) row[4])).toList();
    if (!fresh.isEmpty() && !appendUnlessDuplicate(fresh)) {
      throw new DuplicateKeyException("a code of import " + importId + " was added by another transaction meanwhile");
    }
    return existing;
  }

  /** Appends rows under a savepoint: true, or false with none of them kept when one has an existing key. */
  private boolean appendUnlessDuplicate(List<Object[]> rows) {
    var template = named.getJdbcTemplate();
    java.sql.Savepoint savepoint = template.execute((ConnectionCallback<java.sql.Savepoint>) Connection::setSavepoint);
    try {
      dialect.bulkInsert("code", IMPORTED_COLUMNS, rows);
    } catch (DuplicateKeyException exists) {
      template.execute((ConnectionCallback<Void>) connection -> {
        connection.rollback(savepoint);
        return null;
      });
      return false;
    }
    template.execute((ConnectionCallback<Void>) connection -> {
      connection.releaseSavepoint(savepoint);
      return null;
    });
    return true;
  }

  /** Which of {@code keys} exist in any set: PostgreSQL compares one array per statement, H2 IN lists. */
  Set<String> existingKeys(List<String> keys) {
    if (!dialect.isPostgres()) {
      Set<String> existing = new HashSet<>();
      for (List<String> chunk : MultiRow.chunks(keys)) {
        existing.addAll(jdbc.sql("SELECT code_key FROM code WHERE code_key IN (:keys)")
            .param("keys", chunk).query(String.class).list());
      }
      return existing;
    }
    Set<String> existing = new HashSet<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP));
      named.getJdbcTemplate().query(connection -> {
        var statement = connection.prepareStatement("SELECT code_key FROM code WHERE code_key = ANY (?)");
        statement.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
        return statement;
      }, rs -> {
        existing.add(rs.getString(1));
      });
    }
    return existing;
  }

  private static final int KEYS_PER_LOOKUP = 5000;

  /** Inserts codes (key to value) as free codes; a concurrent insert of one fails with DuplicateKeyException. */
  void insertFree(long couponSetId, Long childSetId, Map<String, String> valuesByKey, Map<String, String> fieldsByKey,
      Instant expiresAt, Instant now) {
    if (valuesByKey.isEmpty()) {
      return;
    }
    long childKey = childSetId == null ? 0 : childSetId;
    SqlParameterSource[] rows = valuesByKey.entrySet().stream()
        .map(entry -> new MapSqlParameterSource()
            .addValue("setId", couponSetId).addValue("childId", childSetId).addValue("childKey", childKey)
            .addValue("value", entry.getValue()).addValue("key", entry.getKey())
            .addValue("fields", fieldsByKey.get(entry.getKey()))
            .addValue("now", Timestamps.bind(now)).addValue("expiresAt", Timestamps.bind(expiresAt)))
        .toArray(SqlParameterSource[]::new);
    named.batchUpdate("""
        INSERT INTO code (coupon_set_id, child_set_id, child_key, code_value, code_key, status, created_at, expires_at,
                          fields)
        VALUES (:setId, :childId, :childKey, :value, :key, 'available', :now, :expiresAt, :fields)""", rows);
  }

  /**
   * Inserts the codes {@code select} yields (columns coupon_set_id, child_set_id, child_key,
   * code_value, code_key, status, import_id, created_at, fields) as free codes; returns how many.
   * {@code with} (null when unused) holds WITH clauses the select reads, run in the same statement,
   * where the dialect has data-modifying WITH clauses (PostgreSQL).
   */
  long insertImported(String with, String select, Map<String, ?> params) {
    String insert = "INSERT INTO code (coupon_set_id, child_set_id, child_key, code_value, code_key, status, import_id,"
        + " created_at, fields) " + select;
    if (with != null && !dialect.hasReturning()) {
      throw new IllegalArgumentException("WITH clauses need RETURNING, which " + dialect + " lacks");
    }
    return jdbc.sql(with == null ? insert : "WITH " + with + " " + insert).params(params).update();
  }

  /** A value for another feature's query: the fields of the code whose id is in {@code codeIdColumn}. */
  static String fieldsOf(String codeIdColumn) {
    return "(SELECT c.fields FROM code c WHERE c.id = " + codeIdColumn + ")";
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
        ? claimInOneStatement(couponSetId, childKey, limit) : claimLockThenMark(couponSetId, childKey, limit);
  }

  private List<ClaimedCode> claimInOneStatement(long couponSetId, Long childKey, int limit) {
    String sql = CLAIM.formatted(childKey == null ? "" : "AND c.child_key = :childKey", limit);
    var spec = jdbc.sql(sql).param("setId", couponSetId);
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    List<ClaimedCode> claimed = new ArrayList<>(
        spec.query((rs, n) -> new ClaimedCode(rs.getLong(1), rs.getString(2), rs.getLong(3),
            CodeFields.fromJson(rs.getString(4)))).list());
    // RETURNING follows no order; the pick's order is the claim order
    claimed.sort(Comparator.comparingLong(ClaimedCode::childKey).thenComparingLong(ClaimedCode::codeId));
    return claimed;
  }

  private List<ClaimedCode> claimLockThenMark(long couponSetId, Long childKey, int limit) {
    var spec = jdbc.sql(PICK.formatted(childKey == null ? "" : "AND child_key = :childKey", limit))
        .param("setId", couponSetId);
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    Map<Long, Long> picked = new java.util.LinkedHashMap<>();
    spec.query(rs -> {
      picked.put(rs.getLong(1), rs.getLong(2));
    });
    if (picked.isEmpty()) {
      return List.of();
    }
    Map<Long, String[]> values = transitionAll(List.copyOf(picked.keySet()), CodeStatus.ASSIGNED);
    return picked.entrySet().stream().map(p -> new ClaimedCode(p.getKey(), values.get(p.getKey())[0], p.getValue(),
        CodeFields.fromJson(values.get(p.getKey())[1]))).toList();
  }

  /** Makes a claimed code free again (under the child key it has now); refused unless it is assigned. */
  void release(long codeId) {
    transition(codeId, CodeStatus.AVAILABLE);
  }

  /**
   * Marks up to {@code limit} free codes expired, either past their own expiry or, when
   * {@code couponSetId} is given, all of that (expired) set's, skipping codes being claimed.
   */
  List<ExpiredCode> expireFree(Long couponSetId, Instant now, int limit) {
    String where = couponSetId == null ? "status = 'available' AND expires_at <= :now" : "coupon_set_id = :setId AND " + FREE;
    var spec = jdbc.sql("SELECT coupon_set_id, child_key, id FROM code WHERE " + where
        + " LIMIT :limit FOR UPDATE SKIP LOCKED").param("limit", limit);
    spec = couponSetId == null ? spec.param("now", Timestamps.bind(now)) : spec.param("setId", couponSetId);
    List<ExpiredCode> due = spec.query((rs, n) -> new ExpiredCode(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    if (!due.isEmpty()) {
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

  /** As {@link #transition} for many codes at once, all or none; returns each code's value and fields by id. */
  private Map<Long, String[]> transitionAll(List<Long> codeIds, CodeStatus next) {
    Map<Long, String[]> values = new HashMap<>();
    List<String> from = next.predecessors().stream().map(CodeStatus::wire).toList();
    for (List<Long> chunk : MultiRow.chunks(codeIds)) {
      String sql = dialect.hasReturning()
          ? "UPDATE code SET status = :next WHERE id IN (:ids) AND status IN (:from) RETURNING id, code_value, fields"
          : "SELECT id, code_value, fields FROM FINAL TABLE (UPDATE code SET status = :next WHERE id IN (:ids) AND status IN (:from))";
      jdbc.sql(sql).param("next", next.wire()).param("ids", chunk).param("from", from)
          .query(rs -> {
            values.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
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

  Map<String, String> sampleFields(long couponSetId) {
    return jdbc.sql("SELECT fields FROM code WHERE coupon_set_id = ? AND status = 'available' ORDER BY id DESC LIMIT 1")
        .param(couponSetId).query((rs, n) -> CodeFields.fromJson(rs.getString(1))).optional().orElse(Map.of());
  }

  List<Long> setIdsWithKey(String key) {
    return jdbc.sql("SELECT coupon_set_id FROM code WHERE code_key = ?").param(key).query(Long.class).list();
  }

  Optional<LocatedCode> findByKey(String key) {
    return jdbc.sql("SELECT coupon_set_id, " + COLUMNS + " FROM code WHERE code_key = ?").param(key)
        .query((rs, n) -> new LocatedCode(rs.getLong("coupon_set_id"), code(rs))).optional();
  }

  /**
   * Status and child key are literals (an enum's name, a number): a partial index is only used when
   * the planner sees them. PostgreSQL keeps free codes in the claim index, ordered by child key
   * first: a page of a set's free codes across its child sets is one backward walk per child key,
   * merged, instead of a walk of the whole table's newest codes.
   */
  List<Code> page(long couponSetId, CodeStatus status, Long childKey, long beforeId, int limit) {
    if (status == CodeStatus.AVAILABLE && childKey == null && dialect.isPostgres()) {
      List<Long> keys = freeChildKeys(couponSetId);
      if (keys.size() > 1) {
        String branches = keys.stream().map(key -> "(SELECT " + COLUMNS + " FROM code WHERE coupon_set_id = :setId"
                + " AND status = 'available' AND child_key = " + key + " AND id < :before ORDER BY id DESC LIMIT :limit)")
            .collect(java.util.stream.Collectors.joining(" UNION ALL "));
        return jdbc.sql(branches + " ORDER BY id DESC LIMIT :limit").param("setId", couponSetId)
            .param("before", beforeId).param("limit", limit).query((rs, n) -> code(rs)).list();
      }
      childKey = keys.isEmpty() ? null : keys.get(0);
    }
    String sql = "SELECT " + COLUMNS + " FROM code WHERE coupon_set_id = :setId AND id < :before"
        + (status == null ? "" : " AND status = '" + status.wire() + "'")
        + (childKey == null ? "" : " AND child_key = " + childKey.longValue())
        + " ORDER BY id DESC LIMIT :limit";
    return jdbc.sql(sql).param("setId", couponSetId).param("before", beforeId).param("limit", limit)
        .query((rs, n) -> code(rs)).list();
  }

  /** The child keys a set has free codes under, each found with one index probe (PostgreSQL). */
  private List<Long> freeChildKeys(long couponSetId) {
    return jdbc.sql("""
            WITH RECURSIVE keys (child_key) AS (
              (SELECT child_key FROM code WHERE coupon_set_id = :setId AND status = 'available'
                 AND child_key IS NOT NULL ORDER BY child_key LIMIT 1)
              UNION ALL
              SELECT (SELECT c.child_key FROM code c WHERE c.coupon_set_id = :setId AND c.status = 'available'
                        AND c.child_key > keys.child_key ORDER BY c.child_key LIMIT 1)
              FROM keys WHERE keys.child_key IS NOT NULL)
            SELECT child_key FROM keys WHERE child_key IS NOT NULL""")
        .param("setId", couponSetId).query(Long.class).list();
  }



  /**
   * Moves the free codes among {@code codeIds} (codes of the set) to child key {@code toKey}, skipping
   * codes other transactions hold (a claim under way); answers the moved ids by the key they left.
   */
  Map<Long, List<Long>> moveFree(long couponSetId, List<Long> codeIds, long toKey) {
    Map<Long, List<Long>> byFrom = new HashMap<>();
    for (List<Long> chunk : MultiRow.chunks(codeIds)) {
      jdbc.sql("SELECT child_key, id FROM code WHERE coupon_set_id = :setId AND id IN (:ids) AND " + FREE
              + " AND child_key <> :to FOR UPDATE SKIP LOCKED")
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
      List<Long> ids = jdbc.sql("SELECT id FROM code WHERE coupon_set_id = ? AND child_key = ? AND " + FREE
              + " LIMIT " + batch + " FOR UPDATE SKIP LOCKED")
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

  /** Locked free codes change child key (and child set); each must still be free: fails loudly otherwise. */
  private void requeue(long couponSetId, long fromKey, long toKey, List<Long> ids) {
    for (List<Long> chunk : MultiRow.chunks(ids)) {
      int moved = jdbc.sql("""
              UPDATE code SET child_key = :to, child_set_id = :toId
              WHERE coupon_set_id = :setId AND child_key = :from AND id IN (:ids) AND status = 'available'""")
          .param("to", toKey).param("toId", toKey == 0 ? null : toKey, java.sql.Types.BIGINT)
          .param("setId", couponSetId).param("from", fromKey).param("ids", chunk).update();
      if (moved != chunk.size()) {
        throw new IllegalStateException("moving " + chunk.size() + " free codes of set " + couponSetId + " moved "
            + moved);
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
    jdbc.sql("UPDATE code SET child_set_id = NULL, child_key = 0 WHERE coupon_set_id = ? AND child_set_id = ?")
        .params(couponSetId, childSetId).update();
  }

  void deleteAll(long couponSetId) {
    jdbc.sql("DELETE FROM code WHERE coupon_set_id = ?").param(couponSetId).update();
  }

  private static Code code(ResultSet rs) throws SQLException {
    return new Code(rs.getLong("id"), rs.getString("code_value"), CodeStatus.fromWire(rs.getString("status")),
        (Long) rs.getObject("child_set_id", Long.class), Timestamps.read(rs, "created_at"),
        CodeFields.fromJson(rs.getString("fields")));
  }
}
