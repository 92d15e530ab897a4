package io.couponflow.workflow;

import io.couponflow.couponset.CouponSetView;
import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class WorkflowRepository {
  static final TypeReference<List<Node>> NODES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  WorkflowRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(String name, String triggerEvent, List<Node> nodes, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO workflow (name, trigger_event, status, nodes, created_at, updated_at)
            VALUES (?, ?, 'draft', ?, ?, ?)""")
        .params(name, triggerEvent, writeNodes(nodes), Timestamps.bind(now), Timestamps.bind(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void update(long id, String name, String triggerEvent, List<Node> nodes, Instant now) {
    int updated = jdbc.sql("UPDATE workflow SET name = ?, trigger_event = ?, nodes = ?, updated_at = ? WHERE id = ?")
        .params(name, triggerEvent, writeNodes(nodes), Timestamps.bind(now), id).update();
    if (updated != 1) {
      throw new IllegalStateException("workflow " + id + " vanished during update");
    }
  }

  void setStatus(long id, WorkflowStatus status, Instant now) {
    jdbc.sql("UPDATE workflow SET status = ?, updated_at = ? WHERE id = ?")
        .params(status.wire(), Timestamps.bind(now), id).update();
  }

  void replaceSetUses(long workflowId, Collection<Long> couponSetIds) {
    jdbc.sql("DELETE FROM workflow_set_use WHERE workflow_id = ?").param(workflowId).update();
    for (long setId : couponSetIds) {
      jdbc.sql("INSERT INTO workflow_set_use (workflow_id, coupon_set_id) VALUES (?, ?)").params(workflowId, setId).update();
    }
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM workflow_set_use WHERE workflow_id = ?").param(id).update();
    jdbc.sql("DELETE FROM workflow WHERE id = ?").param(id).update();
  }

  Optional<Workflow> find(long id) {
    return jdbc.sql("SELECT * FROM workflow WHERE id = ?").param(id).query(this::map).optional();
  }

  Optional<String> name(long id) {
    return jdbc.sql("SELECT name FROM workflow WHERE id = ?").param(id).query(String.class).optional();
  }

  List<Workflow> page(long beforeId, int limit) {
    return jdbc.sql("SELECT * FROM workflow WHERE id < ? ORDER BY id DESC LIMIT ?").params(beforeId, limit)
        .query(this::map).list();
  }

  List<Workflow> activeTriggeredBy(String eventType) {
    return jdbc.sql("SELECT * FROM workflow WHERE trigger_event = ? AND status = 'active' ORDER BY id")
        .param(eventType).query(this::map).list();
  }

  List<CouponSetView.WorkflowRef> usingSet(long couponSetId) {
    return jdbc.sql("""
            SELECT w.id, w.name, w.status FROM workflow_set_use u JOIN workflow w ON w.id = u.workflow_id
            WHERE u.coupon_set_id = ? ORDER BY w.id""")
        .param(couponSetId)
        .query((rs, n) -> new CouponSetView.WorkflowRef(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
  }

  boolean activeUsingSet(long couponSetId) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM workflow_set_use u JOIN workflow w ON w.id = u.workflow_id
            WHERE u.coupon_set_id = ? AND w.status = 'active'""")
        .param(couponSetId).query(Long.class).single() > 0;
  }

  String writeNodes(List<Node> nodes) {
    return json.writerFor(NODES).writeValueAsString(nodes);
  }

  List<Node> readNodes(String text) {
    return json.readValue(text, NODES);
  }

  private Workflow map(ResultSet rs, int row) throws SQLException {
    return new Workflow(rs.getLong("id"), rs.getString("name"), new Trigger(rs.getString("trigger_event")),
        WorkflowStatus.fromWire(rs.getString("status")), readNodes(rs.getString("nodes")),
        Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
  }
}
