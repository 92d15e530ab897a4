package io.couponflow.workflow;

import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class RunRepository {
  private static final TypeReference<Map<String, CouponVariable>> VARIABLES = new TypeReference<>() {};
  private static final TypeReference<List<RunStep>> STEPS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final WorkflowRepository workflows;

  RunRepository(JdbcClient jdbc, JsonMapper json, WorkflowRepository workflows) {
    this.jdbc = jdbc;
    this.json = json;
    this.workflows = workflows;
  }

  long insert(Workflow workflow, String contactId, Long eventId, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO workflow_run (workflow_id, contact_id, event_id, status, next_node, nodes, variables, steps,
                                      started_at, updated_at)
            VALUES (?, ?, ?, 'running', 0, ?, '{}', '[]', ?, ?)""")
        .params(workflow.id(), contactId, eventId, workflows.writeNodes(workflow.nodes()), Timestamps.bind(now),
            Timestamps.bind(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Run> find(long id) {
    return jdbc.sql("SELECT * FROM workflow_run WHERE id = ?").param(id).query(this::map).optional();
  }

  /** Locks the run so two nodes executing the same step (a revived job) cannot both move it on. */
  Optional<Run> lock(long id) {
    return jdbc.sql("SELECT * FROM workflow_run WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
  }

  void save(Run run) {
    int updated = jdbc.sql("""
            UPDATE workflow_run SET status = ?, next_node = ?, variables = ?, steps = ?, updated_at = ?, resume_at = ?,
                                    finished_at = ?
            WHERE id = ?""")
        .params(run.status().wire(), run.nextNode(), json.writerFor(VARIABLES).writeValueAsString(run.variables()),
            json.writerFor(STEPS).writeValueAsString(run.steps()), Timestamps.bind(run.updatedAt()),
            Timestamps.bind(run.resumeAt()), Timestamps.bind(run.finishedAt()), run.id())
        .update();
    if (updated != 1) {
      throw new IllegalStateException("run " + run.id() + " vanished during update");
    }
  }

  List<Run> page(long workflowId, String status, long beforeId, int limit) {
    String filter = status == null ? "" : " AND status = :status";
    var spec = jdbc.sql("SELECT * FROM workflow_run WHERE workflow_id = :workflow AND id < :before" + filter
            + " ORDER BY id DESC LIMIT :limit")
        .param("workflow", workflowId).param("before", beforeId).param("limit", limit);
    if (status != null) {
      spec = spec.param("status", status);
    }
    return spec.query(this::map).list();
  }

  Map<String, Long> countByStatus(long workflowId) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.sql("SELECT status, COUNT(*) FROM workflow_run WHERE workflow_id = ? GROUP BY status").param(workflowId)
        .query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  private Run map(ResultSet rs, int row) throws SQLException {
    return new Run(rs.getLong("id"), rs.getLong("workflow_id"), rs.getString("contact_id"),
        rs.getObject("event_id", Long.class), RunStatus.fromWire(rs.getString("status")), rs.getInt("next_node"),
        workflows.readNodes(rs.getString("nodes")), json.readValue(rs.getString("variables"), VARIABLES),
        json.readValue(rs.getString("steps"), STEPS), Timestamps.read(rs, "started_at"),
        Timestamps.read(rs, "updated_at"), Timestamps.read(rs, "resume_at"), Timestamps.read(rs, "finished_at"));
  }
}
