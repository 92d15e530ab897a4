package io.couponflow.redemption;

import io.couponflow.db.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RedemptionRepository {
  private static final String COLUMNS = """
      id, code, coupon_set_id, child_key, assignment_id, workflow_id, order_id, amount, currency, contact_id, leaked,
      redeemed_at, leak, assigned_to""";

  /** The code a redemption names, read from the code pool (never written here). */
  record CodeRef(long id, String value, long couponSetId, long childKey, boolean single) {}

  private final JdbcClient jdbc;

  RedemptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Redemption> findByOrder(String codeKey, String orderId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM redemption WHERE code_key = ? AND order_id = ?")
        .params(codeKey, orderId).query(this::map).optional();
  }

  Optional<Redemption> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM redemption WHERE id = ?").param(id).query(this::map).optional();
  }

  boolean anyFor(String codeKey) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM redemption WHERE code_key = ?)").param(codeKey)
        .query(Boolean.class).single();
  }

  long insert(String codeKey, CodeRef code, long childKey, Long assignmentId, Long workflowId, RedeemRequest request,
      LeakKind leak, String assignedTo, Instant redeemedAt, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO redemption (code_key, code_id, code, coupon_set_id, child_key, assignment_id, workflow_id, order_id,
                                    amount, currency, contact_id, leaked, redeemed_at, created_at, leak, assigned_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(codeKey, code.id(), code.value(), code.couponSetId(), childKey, assignmentId, workflowId,
            request.orderId().strip(), request.amount(),
            request.currency() == null ? null : request.currency().toUpperCase(java.util.Locale.ROOT),
            request.contactId(), leak == LeakKind.NOT_ASSIGNED, Timestamps.bind(redeemedAt), Timestamps.bind(now),
            leak == null ? null : leak.wire(), assignedTo)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** A set's leaks (of one kind, when given) with ids below {@code beforeId}, newest first. */
  List<Redemption> leaks(long couponSetId, LeakKind kind, long beforeId, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM redemption WHERE coupon_set_id = :setId AND id < :before"
            + (kind == null ? " AND leak IN ('not-assigned', 'other-contact')" : " AND leak = :kind")
            + " ORDER BY id DESC LIMIT :limit")
        .param("setId", couponSetId).param("before", beforeId).param("limit", limit)
        .param("kind", kind == null ? null : kind.wire())
        .query(this::map).list();
  }

  /** Which of these codes were redeemed without being assigned (the leak index narrows to the set's leaks). */
  Set<Long> leakedCodeIds(long couponSetId, Collection<Long> codeIds) {
    return new HashSet<>(jdbc.sql("SELECT code_id FROM redemption WHERE coupon_set_id = :setId"
            + " AND leak = 'not-assigned' AND code_id IN (:ids)")
        .param("setId", couponSetId).param("ids", List.copyOf(codeIds)).query(Long.class).list());
  }

  void deleteSet(long couponSetId) {
    jdbc.sql("DELETE FROM redemption WHERE coupon_set_id = ?").param(couponSetId).update();
  }

  private Redemption map(ResultSet rs, int row) throws SQLException {
    long childKey = rs.getLong("child_key");
    return new Redemption(rs.getLong("id"), rs.getString("code"), rs.getLong("coupon_set_id"),
        childKey == 0 ? null : childKey, rs.getObject("assignment_id", Long.class),
        rs.getObject("workflow_id", Long.class), rs.getString("order_id"), rs.getObject("amount", BigDecimal.class),
        rs.getString("currency"), rs.getString("contact_id"), rs.getBoolean("leaked"),
        Timestamps.read(rs, "redeemed_at"), rs.getString("leak"), rs.getString("assigned_to"));
  }
}
