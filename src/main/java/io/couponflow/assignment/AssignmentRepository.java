package io.couponflow.assignment;

import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AssignmentRepository {
  private static final String COLUMNS = """
      a.id, a.coupon_set_id, a.child_set_id, a.code_child_key, a.code_id, a.code, a.contact_id, a.workflow_id,
      a.status, a.assigned_at, a.sent_at, a.redeemed_at, a.released_at""";

  record StoredRequest(String requestHash, long assignmentId) {}

  private final JdbcClient jdbc;

  AssignmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long couponSetId, Long childSetId, long codeChildKey, long codeId, String code, String contactId,
      Long workflowId, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO assignment (coupon_set_id, child_set_id, code_child_key, code_id, code, contact_id, workflow_id,
                                    status, assigned_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'assigned', ?)""")
        .params(couponSetId, childSetId, codeChildKey, codeId, code, contactId, workflowId, Timestamps.bind(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Assignment> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assignment a WHERE a.id = ?").param(id).query(this::map).optional();
  }

  Optional<Assignment> lock(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assignment a WHERE a.id = ? FOR UPDATE").param(id)
        .query(this::map).optional();
  }

  Optional<Assignment> findHeld(long couponSetId, long childKey, String contactId) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM contact_hold h JOIN assignment a ON a.id = h.assignment_id
            WHERE h.coupon_set_id = ? AND h.child_key = ? AND h.contact_id = ?""")
        .params(couponSetId, childKey, contactId).query(this::map).optional();
  }

  void insertHold(long couponSetId, long childKey, String contactId, long assignmentId) {
    jdbc.sql("INSERT INTO contact_hold (coupon_set_id, child_key, contact_id, assignment_id) VALUES (?, ?, ?, ?)")
        .params(couponSetId, childKey, contactId, assignmentId).update();
  }

  void deleteHold(long assignmentId) {
    jdbc.sql("DELETE FROM contact_hold WHERE assignment_id = ?").param(assignmentId).update();
  }

  Optional<StoredRequest> findRequest(long couponSetId, String idempotencyKey) {
    return jdbc.sql("""
            SELECT request_hash, assignment_id FROM assignment_request WHERE coupon_set_id = ? AND idempotency_key = ?""")
        .params(couponSetId, idempotencyKey)
        .query((rs, n) -> new StoredRequest(rs.getString(1), rs.getLong(2))).optional();
  }

  void insertRequest(long couponSetId, String idempotencyKey, String requestHash, long assignmentId, Instant now) {
    jdbc.sql("""
            INSERT INTO assignment_request (coupon_set_id, idempotency_key, request_hash, assignment_id, created_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(couponSetId, idempotencyKey, requestHash, assignmentId, Timestamps.bind(now)).update();
  }

  void markSent(long id, Instant now) {
    jdbc.sql("UPDATE assignment SET status = 'sent', sent_at = ? WHERE id = ?").params(Timestamps.bind(now), id).update();
  }

  void markReleased(long id, Instant now) {
    jdbc.sql("UPDATE assignment SET status = 'released', released_at = ? WHERE id = ?")
        .params(Timestamps.bind(now), id).update();
  }

  /** The newest assignment holding the code that is neither released nor redeemed, locked. */
  Optional<Assignment> lockLiveByCode(long codeId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assignment a WHERE a.code_id = ? AND a.status IN ('assigned', 'sent')"
        + " ORDER BY a.id DESC LIMIT 1 FOR UPDATE").param(codeId).query(this::map).optional();
  }

  /** The contact's newest live assignment of a set, locked. */
  Optional<Assignment> lockLiveByContact(long couponSetId, String contactId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assignment a WHERE a.contact_id = ? AND a.coupon_set_id = ?"
            + " AND a.status IN ('assigned', 'sent') ORDER BY a.id DESC LIMIT 1 FOR UPDATE")
        .params(contactId, couponSetId).query(this::map).optional();
  }

  boolean anyFor(long couponSetId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM assignment WHERE coupon_set_id = ?)").param(couponSetId)
        .query(Boolean.class).single();
  }

  void markRedeemed(long id, Instant at) {
    int updated = jdbc.sql("UPDATE assignment SET status = 'redeemed', redeemed_at = ? WHERE id = ?")
        .params(Timestamps.bind(at), id).update();
    if (updated != 1) {
      throw new IllegalStateException("assignment " + id + " vanished");
    }
  }

  void forgetSet(long couponSetId) {
    jdbc.sql("DELETE FROM contact_hold WHERE coupon_set_id = ?").param(couponSetId).update();
    jdbc.sql("DELETE FROM assignment_request WHERE coupon_set_id = ?").param(couponSetId).update();
  }

  private Assignment map(ResultSet rs, int row) throws SQLException {
    return new Assignment(rs.getLong("id"), rs.getLong("coupon_set_id"), rs.getObject("child_set_id", Long.class),
        rs.getLong("code_child_key"), rs.getLong("code_id"), rs.getString("code"), rs.getString("contact_id"),
        rs.getObject("workflow_id", Long.class), AssignmentStatus.fromWire(rs.getString("status")),
        Timestamps.read(rs, "assigned_at"), Timestamps.read(rs, "sent_at"), Timestamps.read(rs, "redeemed_at"),
        Timestamps.read(rs, "released_at"));
  }
}
