package io.couponflow.code;

import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The code pool: every code, and the free-code queue that claims draw from. Callers own the
 * transaction and the counters; this class owns the SQL.
 */
@Repository
public class CodeStore {
  private static final int CHUNK = 500;
  private static final String COLUMNS = "id, code_value, status, child_set_id, created_at";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final SqlDialect dialect;

  CodeStore(JdbcClient jdbc, NamedParameterJdbcTemplate named, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.named = named;
    this.dialect = dialect;
  }

  /** The one code of an individual set; it is never in the free queue (uses are counted on the set). */
  public void insertSingleCode(long couponSetId, String value, Instant now) {
    jdbc.sql("""
            INSERT INTO code (coupon_set_id, code_value, code_key, status, created_at)
            VALUES (?, ?, ?, 'available', ?)""")
        .params(couponSetId, value, CodeRules.keyOf(value), Timestamps.bind(now))
        .update();
  }

  public long singleCodeId(long couponSetId) {
    return jdbc.sql("SELECT id FROM code WHERE coupon_set_id = ?").param(couponSetId).query(Long.class).single();
  }

  public boolean exists(String value) {
    return jdbc.sql("SELECT COUNT(*) FROM code WHERE code_key = ?").param(CodeRules.keyOf(value))
        .query(Long.class).single() > 0;
  }

  /**
   * Validates and adds codes by the import's rules; blank values are skipped. Runs in the caller's
   * transaction: a concurrent insert of the same code makes it fail with DuplicateKeyException.
   */
  public AddCodesResult addCodes(long couponSetId, Long childSetId, List<String> values, Instant now) {
    return addCodes(couponSetId, childSetId, values, null, now);
  }

  /** As above; every added code expires at {@code expiresAt} (null: never). */
  public AddCodesResult addCodes(long couponSetId, Long childSetId, List<String> values, Instant expiresAt,
      Instant now) {
    List<AddCodesResult.Rejected> rejected = new ArrayList<>();
    Map<String, String> candidates = new LinkedHashMap<>();
    for (String raw : values) {
      String value = CodeRules.trim(raw);
      if (value.isEmpty()) {
        continue;
      }
      RejectReason reason = CodeRules.check(value);
      if (reason == null && candidates.containsKey(CodeRules.keyOf(value))) {
        reason = RejectReason.DUPLICATE_IN_FILE;
      }
      if (reason != null) {
        rejected.add(new AddCodesResult.Rejected(value, reason));
      } else {
        candidates.put(CodeRules.keyOf(value), value);
      }
    }
    Set<String> existing = existingKeys(List.copyOf(candidates.keySet()));
    List<String> newKeys = new ArrayList<>();
    List<SqlParameterSource> rows = new ArrayList<>();
    for (Map.Entry<String, String> entry : candidates.entrySet()) {
      if (existing.contains(entry.getKey())) {
        rejected.add(new AddCodesResult.Rejected(entry.getValue(), RejectReason.ALREADY_EXISTS));
        continue;
      }
      newKeys.add(entry.getKey());
      rows.add(new MapSqlParameterSource()
          .addValue("setId", couponSetId).addValue("childId", childSetId)
          .addValue("value", entry.getValue()).addValue("key", entry.getKey())
          .addValue("now", Timestamps.bind(now)).addValue("expiresAt", Timestamps.bind(expiresAt)));
    }
    if (!rows.isEmpty()) {
      named.batchUpdate("""
          INSERT INTO code (coupon_set_id, child_set_id, code_value, code_key, status, created_at, expires_at)
          VALUES (:setId, :childId, :value, :key, 'available', :now, :expiresAt)""", rows.toArray(SqlParameterSource[]::new));
      long childKey = childSetId == null ? 0 : childSetId;
      for (List<String> chunk : chunks(newKeys)) {
        jdbc.sql("""
                INSERT INTO free_code (coupon_set_id, child_key, code_id, expires_at)
                SELECT coupon_set_id, :childKey, id, expires_at FROM code WHERE code_key IN (:keys)""")
            .param("childKey", childKey).param("keys", chunk).update();
      }
    }
    return new AddCodesResult(newKeys.size(), rejected);
  }

  private Set<String> existingKeys(List<String> keys) {
    Set<String> existing = new HashSet<>();
    for (List<String> chunk : chunks(keys)) {
      existing.addAll(jdbc.sql("SELECT code_key FROM code WHERE code_key IN (:keys)")
          .param("keys", chunk).query(String.class).list());
    }
    return existing;
  }

  private static <T> List<List<T>> chunks(List<T> list) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < list.size(); i += CHUNK) {
      chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
    }
    return chunks;
  }

  /**
   * Takes up to {@code limit} free codes off the queue (of one child set, or of any of the set's
   * when childKey is null), skipping codes other transactions are claiming, and marks them
   * assigned; in claim order, fewer when the set runs short. Caller's transaction.
   */
  List<ClaimedCode> claim(long couponSetId, Long childKey, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return dialect.hasDataModifyingCtes()
        ? claimInOneStatement(couponSetId, childKey, limit) : claimLockThenDelete(couponSetId, childKey, limit);
  }

  /**
   * PostgreSQL: one statement, one round trip. The ORDER BY matches the primary key so the planner
   * always walks the index from the set's first free code: without it, a set that is most of the
   * table gets a sequential scan past every other set's rows (60 ms a claim, measured). The LIMIT is
   * a literal: a generic plan takes a LIMIT parameter for 10% of the set and may sort instead.
   */
  private static final String CLAIM = """
      WITH picked AS MATERIALIZED (
        SELECT q.coupon_set_id, q.child_key, q.code_id FROM free_code q
        WHERE q.coupon_set_id = :setId %s AND (q.expires_at IS NULL OR q.expires_at > CURRENT_TIMESTAMP)
        ORDER BY q.child_key, q.code_id LIMIT %d FOR UPDATE SKIP LOCKED),
      claimed AS (
        DELETE FROM free_code f USING picked p
        WHERE f.coupon_set_id = p.coupon_set_id AND f.child_key = p.child_key AND f.code_id = p.code_id
        RETURNING f.code_id, f.child_key)
      UPDATE code c SET status = 'assigned' FROM claimed WHERE c.id = claimed.code_id
      RETURNING c.id, c.code_value, claimed.child_key
      """;

  private List<ClaimedCode> claimInOneStatement(long couponSetId, Long childKey, int limit) {
    var spec = jdbc.sql(CLAIM.formatted(childKey == null ? "" : "AND q.child_key = :childKey", limit))
        .param("setId", couponSetId);
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    List<ClaimedCode> claimed = new ArrayList<>(
        spec.query((rs, n) -> new ClaimedCode(rs.getLong(1), rs.getString(2), rs.getLong(3))).list());
    // RETURNING follows no order; the pick's order is the claim order
    claimed.sort(Comparator.comparingLong(ClaimedCode::childKey).thenComparingLong(ClaimedCode::codeId));
    return claimed;
  }

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

  private record Picked(long couponSetId, long childKey, long codeId) {}

  private List<ClaimedCode> claimLockThenDelete(long couponSetId, Long childKey, int limit) {
    var spec = jdbc.sql(PICK.formatted(childKey == null ? "" : "AND child_key = :childKey", limit))
        .param("setId", couponSetId);
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    List<Picked> picked = spec.query((rs, n) -> new Picked(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    if (picked.isEmpty()) {
      return List.of();
    }
    int[] deleted = named.batchUpdate(
        "DELETE FROM free_code WHERE coupon_set_id = :couponSetId AND child_key = :childKey AND code_id = :codeId",
        picked.stream().map(p -> new MapSqlParameterSource().addValue("couponSetId", p.couponSetId())
            .addValue("childKey", p.childKey()).addValue("codeId", p.codeId())).toArray(SqlParameterSource[]::new));
    for (int i = 0; i < deleted.length; i++) {
      if (deleted[i] != 1) {
        throw new IllegalStateException("free code " + picked.get(i).codeId() + " vanished while locked");
      }
    }
    Map<Long, String> values = new HashMap<>();
    jdbc.sql("SELECT id, code_value FROM FINAL TABLE (UPDATE code SET status = 'assigned' WHERE id IN (:ids))")
        .param("ids", picked.stream().map(Picked::codeId).toList())
        .query(rs -> {
          values.put(rs.getLong(1), rs.getString(2));
        });
    return picked.stream().map(p -> new ClaimedCode(p.codeId(), values.get(p.codeId()), p.childKey())).toList();
  }

  /** Puts a claimed code back on the free queue. */
  public void release(long couponSetId, long childKey, long codeId) {
    setStatus(codeId, CodeStatus.AVAILABLE);
    jdbc.sql("""
            INSERT INTO free_code (coupon_set_id, child_key, code_id, expires_at)
            SELECT coupon_set_id, ?, id, expires_at FROM code WHERE id = ?""")
        .params(childKey, codeId).update();
  }

  /** Takes a code off the free queue without assigning it (it was used elsewhere); false when not queued. */
  public boolean withdraw(long couponSetId, long childKey, long codeId) {
    return jdbc.sql("DELETE FROM free_code WHERE coupon_set_id = ? AND child_key = ? AND code_id = ?")
        .params(couponSetId, childKey, codeId).update() == 1;
  }

  /** A free code taken off the queue as expired. */
  public record ExpiredCode(long couponSetId, long childKey, long codeId) {}

  /**
   * Takes up to {@code limit} free codes off the queue, either past their own expiry or, when
   * {@code couponSetId} is given, all of that (expired) set's; marks them expired. Caller's transaction.
   */
  public List<ExpiredCode> expireFree(Long couponSetId, Instant now, int limit) {
    String where = couponSetId == null ? "expires_at <= :now" : "coupon_set_id = :setId";
    var spec = jdbc.sql("SELECT coupon_set_id, child_key, code_id FROM free_code WHERE " + where
        + " LIMIT :limit FOR UPDATE SKIP LOCKED").param("limit", limit);
    spec = couponSetId == null ? spec.param("now", Timestamps.bind(now)) : spec.param("setId", couponSetId);
    List<ExpiredCode> due = spec.query((rs, n) -> new ExpiredCode(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    for (ExpiredCode code : due) {
      jdbc.sql("DELETE FROM free_code WHERE coupon_set_id = ? AND child_key = ? AND code_id = ?")
          .params(code.couponSetId(), code.childKey(), code.codeId()).update();
    }
    for (List<ExpiredCode> chunk : chunks(due)) {
      jdbc.sql("UPDATE code SET status = 'expired' WHERE id IN (:ids)")
          .param("ids", chunk.stream().map(ExpiredCode::codeId).toList()).update();
    }
    return due;
  }

  public void setStatus(long codeId, CodeStatus status) {
    int updated = jdbc.sql("UPDATE code SET status = ? WHERE id = ?").params(status.wire(), codeId).update();
    if (updated != 1) {
      throw new IllegalStateException("code " + codeId + " does not exist");
    }
  }

  /** Sets holding a code spelled like {@code value}, in any case. */
  public List<Long> setIdsWithCode(String value) {
    return jdbc.sql("SELECT coupon_set_id FROM code WHERE code_key = ?").param(CodeRules.keyOf(value))
        .query(Long.class).list();
  }

  /** The code spelled like {@code value} in any case, with its set. */
  public Optional<LocatedCode> find(String value) {
    return jdbc.sql("SELECT coupon_set_id, " + COLUMNS + " FROM code WHERE code_key = ?")
        .param(CodeRules.keyOf(CodeRules.trim(value)))
        .query((rs, n) -> new LocatedCode(rs.getLong("coupon_set_id"), new Code(rs.getLong("id"),
            rs.getString("code_value"), CodeStatus.fromWire(rs.getString("status")),
            (Long) rs.getObject("child_set_id", Long.class), Timestamps.read(rs, "created_at"))))
        .optional();
  }

  public List<Code> page(long couponSetId, CodeStatus status, long beforeId, int limit) {
    String sql = "SELECT " + COLUMNS + " FROM code WHERE coupon_set_id = :setId AND id < :before"
        + (status == null ? "" : " AND status = :status") + " ORDER BY id DESC LIMIT :limit";
    var spec = jdbc.sql(sql).param("setId", couponSetId).param("before", beforeId).param("limit", limit);
    if (status != null) {
      spec = spec.param("status", status.wire());
    }
    return spec.query((rs, n) -> new Code(rs.getLong("id"), rs.getString("code_value"),
        CodeStatus.fromWire(rs.getString("status")), (Long) rs.getObject("child_set_id", Long.class),
        Timestamps.read(rs, "created_at"))).list();
  }

  /** Streams every code of a set, in pages, without holding a transaction open. */
  public void forEach(long couponSetId, CodeStatus status, Consumer<Code> consumer) {
    long before = Long.MAX_VALUE;
    while (true) {
      List<Code> page = page(couponSetId, status, before, 5000);
      page.forEach(consumer);
      if (page.size() < 5000) {
        return;
      }
      before = page.get(page.size() - 1).id();
    }
  }

  public void moveChildToParent(long couponSetId, long childSetId) {
    jdbc.sql("UPDATE free_code SET child_key = 0 WHERE coupon_set_id = ? AND child_key = ?")
        .params(couponSetId, childSetId).update();
    jdbc.sql("UPDATE code SET child_set_id = NULL WHERE coupon_set_id = ? AND child_set_id = ?")
        .params(couponSetId, childSetId).update();
  }

  /** The claim queue of a deleted set. */
  public void deleteQueue(long couponSetId) {
    jdbc.sql("DELETE FROM free_code WHERE coupon_set_id = ?").param(couponSetId).update();
  }

  /** Every code of a deleted set (PostgreSQL has no cascade from the set: see SqlDialect.holdSetForNewCodes). */
  public void deleteAll(long couponSetId) {
    jdbc.sql("DELETE FROM code WHERE coupon_set_id = ?").param(couponSetId).update();
  }
}
