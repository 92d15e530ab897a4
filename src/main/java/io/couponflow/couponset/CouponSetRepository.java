package io.couponflow.couponset;

import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CouponSetRepository {
  private static final String COLUMNS = "id, name, type, code, quantity, assignment_policy, created_at, updated_at, expires_at";

  private final JdbcClient jdbc;

  CouponSetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String name, SetType type, String code, Long quantity, AssignmentPolicy policy, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO coupon_set (name, type, code, quantity, assignment_policy, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(name, type.wire(), code, quantity, policy.wire(), Timestamps.bind(now), Timestamps.bind(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<CouponSet> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM coupon_set WHERE id = ?").param(id).query(this::map).optional();
  }

  /** Newest first; {@code codeSetIds} are sets that hold a code matching the search exactly. */
  List<CouponSet> page(SetType type, String nameLike, List<Long> codeSetIds, long beforeId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM coupon_set WHERE id < :before");
    if (type != null) {
      sql.append(" AND type = :type");
    }
    if (nameLike != null) {
      sql.append(" AND (LOWER(name) LIKE :name ESCAPE '\\'")
          .append(codeSetIds.isEmpty() ? ")" : " OR id IN (:codeSetIds))");
    }
    sql.append(" ORDER BY id DESC LIMIT :limit");
    var spec = jdbc.sql(sql.toString()).param("before", beforeId).param("limit", limit);
    if (type != null) {
      spec = spec.param("type", type.wire());
    }
    if (nameLike != null) {
      spec = spec.param("name", nameLike);
      if (!codeSetIds.isEmpty()) {
        spec = spec.param("codeSetIds", codeSetIds);
      }
    }
    return spec.query(this::map).list();
  }

  void update(long id, String name, Long quantity, AssignmentPolicy policy, Instant now) {
    jdbc.sql("UPDATE coupon_set SET name = ?, quantity = ?, assignment_policy = ?, updated_at = ? WHERE id = ?")
        .params(name, quantity, policy.wire(), Timestamps.bind(now), id).update();
  }

  void updateExpiry(long id, Instant expiresAt) {
    jdbc.sql("UPDATE coupon_set SET expires_at = ? WHERE id = ?").params(Timestamps.bind(expiresAt), id).update();
  }

  List<Long> expiredMultipleSets(Instant now) {
    return jdbc.sql("SELECT id FROM coupon_set WHERE expires_at <= ? AND type = 'multiple' ORDER BY id")
        .param(Timestamps.bind(now)).query(Long.class).list();
  }

  /** Uses handed out for an individual set, read under the row lock PATCH takes. */
  long lockUsed(long id) {
    return jdbc.sql("SELECT used FROM coupon_set WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
  }

  /** Counts up to {@code wanted} uses under the row lock, never past the quantity; answers how many. */
  int takeUses(long id, int wanted) {
    var row = jdbc.sql("SELECT quantity, used FROM coupon_set WHERE id = ? FOR UPDATE").param(id)
        .query((rs, n) -> new long[] {rs.getObject(1) == null ? Long.MAX_VALUE : rs.getLong(1), rs.getLong(2)})
        .optional();
    if (row.isEmpty()) {
      return 0;
    }
    int taken = (int) Math.max(0, Math.min(wanted, row.get()[0] - row.get()[1]));
    if (taken > 0) {
      jdbc.sql("UPDATE coupon_set SET used = used + ? WHERE id = ?").params(taken, id).update();
    }
    return taken;
  }

  void giveBackUse(long id) {
    jdbc.sql("UPDATE coupon_set SET used = used - 1 WHERE id = ? AND used > 0").param(id).update();
  }

  boolean delete(long id) {
    return jdbc.sql("DELETE FROM coupon_set WHERE id = ?").param(id).update() == 1;
  }

  ChildSet insertChild(long couponSetId, String name, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO child_set (coupon_set_id, name, created_at) VALUES (?, ?, ?)")
        .params(couponSetId, name, Timestamps.bind(now)).update(keys, "id");
    return new ChildSet(keys.getKey().longValue(), couponSetId, name, now);
  }

  Optional<ChildSet> findChild(long couponSetId, long childId) {
    return jdbc.sql("SELECT id, coupon_set_id, name, created_at FROM child_set WHERE id = ? AND coupon_set_id = ?")
        .params(childId, couponSetId).query(this::mapChild).optional();
  }

  Map<Long, List<ChildSet>> children(Collection<Long> couponSetIds) {
    Map<Long, List<ChildSet>> result = new LinkedHashMap<>();
    if (couponSetIds.isEmpty()) {
      return result;
    }
    jdbc.sql("SELECT id, coupon_set_id, name, created_at FROM child_set WHERE coupon_set_id IN (:ids) ORDER BY id")
        .param("ids", List.copyOf(couponSetIds)).query(this::mapChild).list()
        .forEach(child -> result.computeIfAbsent(child.couponSetId(), k -> new java.util.ArrayList<>()).add(child));
    return result;
  }

  void lockChild(long childId) {
    jdbc.sql("SELECT id FROM child_set WHERE id = ? FOR UPDATE").param(childId).query(Long.class).optional();
  }

  void deleteChild(long childId) {
    jdbc.sql("DELETE FROM child_set WHERE id = ?").param(childId).update();
  }

  private CouponSet map(ResultSet rs, int row) throws SQLException {
    return new CouponSet(rs.getLong("id"), rs.getString("name"), SetType.fromWire(rs.getString("type")),
        rs.getString("code"), rs.getObject("quantity", Long.class),
        AssignmentPolicy.fromWire(rs.getString("assignment_policy")),
        Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"), Timestamps.read(rs, "expires_at"));
  }

  private ChildSet mapChild(ResultSet rs, int row) throws SQLException {
    return new ChildSet(rs.getLong("id"), rs.getLong("coupon_set_id"), rs.getString("name"),
        Timestamps.read(rs, "created_at"));
  }
}
