package io.couponflow.assignment;

import io.couponflow.db.MultiRow;
import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AssignmentRepository {
  private static final String COLUMNS = """
      a.id, a.coupon_set_id, a.child_set_id, a.code_child_key, a.code_id, a.code, a.contact_id, a.workflow_id,
      a.status, a.assigned_at, a.sent_at, a.redeemed_at, a.released_at""";

  /** An idempotency key stored earlier, with the assignment it answered. */
  record Replay(String requestHash, Assignment assignment) {}

  /** A row of a batch insert of idempotency keys or holds: the key and the assignment id it has, if any. */
  record Claim(String key, String requestHash, Long assignmentId) {}

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  AssignmentRepository(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /** An assignment's id: the one its key or hold already took, else the next of the sequence every insert uses. */
  private static final String ID = "COALESCE(CAST(? AS BIGINT), nextval('assignment_id_seq'))";

  /**
   * Stores idempotency keys, in key order (two batches then lock index entries in the same order),
   * each with a new assignment id; answers the new keys with their ids. A key stored before, or by
   * a concurrent batch, is left as it is.
   */
  Map<String, Long> insertRequests(long couponSetId, List<Claim> rows, Instant now) {
    List<Claim> sorted = rows.stream().sorted(java.util.Comparator.comparing(Claim::key)).toList();
    List<Object> params = new ArrayList<>();
    for (Claim row : sorted) {
      params.addAll(List.of(couponSetId, row.key(), row.requestHash(), Timestamps.bind(now)));
    }
    String row = "(?, ?, ?, nextval('assignment_id_seq'), ?)";
    String insert = "INSERT INTO assignment_request (coupon_set_id, idempotency_key, request_hash, assignment_id,"
        + " created_at) VALUES " + MultiRow.values(sorted.size(), row)
        + " ON CONFLICT DO NOTHING";
    Map<String, Long> stored = new HashMap<>();
    jdbc.sql(dialect.returning(insert, "idempotency_key, assignment_id")).params(params)
        .query(rs -> {
          stored.put(rs.getString(1), rs.getLong(2));
        });
    return stored;
  }

  /** Earlier requests by key, with their assignments. */
  Map<String, Replay> findRequests(long couponSetId, Collection<String> keys) {
    Map<String, Replay> found = new HashMap<>();
    List<Object> params = new ArrayList<>();
    params.add(couponSetId);
    params.addAll(keys);
    jdbc.sql("SELECT r.idempotency_key, r.request_hash, " + COLUMNS
            + " FROM assignment_request r JOIN assignment a ON a.id = r.assignment_id"
            + " WHERE r.coupon_set_id = ? AND r.idempotency_key IN (" + MultiRow.list(keys.size()) + ")")
        .params(params)
        .query(rs -> {
          found.put(rs.getString("idempotency_key"), new Replay(rs.getString("request_hash"), map(rs, 0)));
        });
    return found;
  }

  /**
   * Records which contacts hold a code of the set and child set, in contact order; answers the new
   * holders with their assignment ids (the row's id when it has one, else a new one).
   */
  Map<String, Long> insertHolds(long couponSetId, long childKey, List<Claim> rows) {
    List<Claim> sorted = rows.stream().sorted(java.util.Comparator.comparing(Claim::key)).toList();
    List<Object> params = new ArrayList<>();
    for (Claim row : sorted) {
      params.addAll(java.util.Arrays.asList(couponSetId, childKey, row.key(), row.assignmentId()));
    }
    String insert = "INSERT INTO contact_hold (coupon_set_id, child_key, contact_id, assignment_id) VALUES "
        + MultiRow.values(sorted.size(), "(?, ?, ?, " + ID + ")")
        + " ON CONFLICT DO NOTHING";
    Map<String, Long> held = new HashMap<>();
    jdbc.sql(dialect.returning(insert, "contact_id, assignment_id")).params(params)
        .query(rs -> {
          held.put(rs.getString(1), rs.getLong(2));
        });
    return held;
  }

  /** The assignments the contacts hold in the set and child set. */
  Map<String, Assignment> findHeld(long couponSetId, long childKey, Collection<String> contactIds) {
    Map<String, Assignment> found = new HashMap<>();
    List<Object> params = new ArrayList<>(List.of(couponSetId, childKey));
    params.addAll(contactIds);
    jdbc.sql("SELECT h.contact_id AS holder, " + COLUMNS + " FROM contact_hold h JOIN assignment a ON a.id = h.assignment_id"
            + " WHERE h.coupon_set_id = ? AND h.child_key = ? AND h.contact_id IN (" + MultiRow.list(contactIds.size())
            + ")")
        .params(params)
        .query(rs -> {
          found.put(rs.getString("holder"), map(rs, 0));
        });
    return found;
  }

  /** For each of the contacts holding a code of the set in one of the child sets, that child set's key. */
  Map<String, Long> heldChildKeys(long couponSetId, Collection<Long> childKeys, Collection<String> contactIds) {
    Map<String, Long> found = new HashMap<>();
    if (childKeys.isEmpty() || contactIds.isEmpty()) {
      return found;
    }
    List<Object> params = new ArrayList<>(List.of(couponSetId));
    params.addAll(childKeys);
    params.addAll(contactIds);
    jdbc.sql("SELECT contact_id, child_key FROM contact_hold WHERE coupon_set_id = ? AND child_key IN ("
            + MultiRow.list(childKeys.size()) + ") AND contact_id IN (" + MultiRow.list(contactIds.size()) + ")")
        .params(params)
        .query(rs -> {
          found.putIfAbsent(rs.getString("contact_id"), rs.getLong("child_key"));
        });
    return found;
  }

  /** Takes back holds and keys written for assignments that were not made after all (no code left, or lost a race). */
  void forgetUnmade(Collection<Long> assignmentIds) {
    if (assignmentIds.isEmpty()) {
      return;
    }
    String in = MultiRow.list(assignmentIds.size());
    jdbc.sql("DELETE FROM contact_hold WHERE assignment_id IN (" + in + ")").params(List.copyOf(assignmentIds)).update();
    jdbc.sql("DELETE FROM assignment_request WHERE assignment_id IN (" + in + ")").params(List.copyOf(assignmentIds))
        .update();
  }

  /**
   * Inserts new assignments in one statement; a row without an id (0) gets the next of the
   * sequence. Answers the ids in row order.
   */
  List<Long> insertAll(List<Assignment> rows) {
    List<Object> params = new ArrayList<>();
    for (Assignment a : rows) {
      params.addAll(java.util.Arrays.asList(a.id() == 0 ? null : a.id(), a.couponSetId(), a.childSetId(),
          a.codeChildKey(), a.codeId(), a.code(), a.contactId(), a.workflowId(), Timestamps.bind(a.assignedAt())));
    }
    String row = "(" + ID + ", ?, ?, ?, ?, ?, ?, ?, ?, 'assigned')";
    String insert = """
        INSERT INTO assignment (id, coupon_set_id, child_set_id, code_child_key, code_id, code, contact_id,
                                workflow_id, assigned_at, status)
        VALUES """ + MultiRow.values(rows.size(), row);
    // rows alike in code and contact (an individual set's code, new-each-time) are alike in all but
    // the id, so which of them gets which id does not matter
    Map<List<Object>, java.util.ArrayDeque<Long>> ids = new HashMap<>();
    jdbc.sql(dialect.returning(insert, "id, code_id, contact_id")).params(params)
        .query(rs -> {
          ids.computeIfAbsent(List.of(rs.getLong(2), rs.getString(3)), k -> new java.util.ArrayDeque<>())
              .add(rs.getLong(1));
        });
    List<Long> inOrder = new ArrayList<>(rows.size());
    for (Assignment a : rows) {
      var queue = ids.get(List.of(a.codeId(), a.contactId()));
      if (queue == null || queue.isEmpty()) {
        throw new IllegalStateException("assignment of code " + a.codeId() + " to " + a.contactId() + " not inserted");
      }
      inOrder.add(queue.poll());
    }
    return inOrder;
  }

  Optional<Assignment> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assignment a WHERE a.id = ?").param(id).query(this::map).optional();
  }

  Optional<Assignment> lock(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assignment a WHERE a.id = ? FOR UPDATE").param(id)
        .query(this::map).optional();
  }

  void deleteHold(long assignmentId) {
    jdbc.sql("DELETE FROM contact_hold WHERE assignment_id = ?").param(assignmentId).update();
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
