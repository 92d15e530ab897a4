package io.couponflow.workflow;

import io.couponflow.db.MultiRow;
import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class RunRepository {
  private static final TypeReference<Map<String, CouponVariable>> VARIABLES = new TypeReference<>() {};
  private static final TypeReference<List<RunStep>> STEPS = new TypeReference<>() {};

  /** Typed, so a NULL needs no parameter-metadata round trip per row. */
  private static final int[] ADVANCE_TYPES = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
      Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE,
      Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER, Types.BIGINT, Types.INTEGER};

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final JsonMapper json;
  private final WorkflowRepository workflows;

  RunRepository(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, WorkflowRepository workflows) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.json = json;
    this.workflows = workflows;
  }

  /** A run to start: the workflow's nodes are copied into it, and its first step is due at once. */
  record NewRun(Workflow workflow, String contactId, Long eventId) {}

  /** A run claimed for work, with the failed attempts of its current step. */
  record DueRun(Run run, int attempts) {}

  /**
   * Where a step left a run: its new state, and when its next step is due (null: it ended). The
   * update applies only while the run is still at {@code fromNode}: a run another node moved on
   * meanwhile (after our lease ended) is not moved twice.
   */
  record Advance(Run run, int fromNode, Instant dueAt, int attempts) {}

  /** Starts the runs with multi-row inserts; their ids in the order given. */
  List<Long> insertAll(List<NewRun> newRuns, Instant now) {
    List<Long> ids = new ArrayList<>(newRuns.size());
    Map<Long, String> nodes = new HashMap<>();
    for (List<NewRun> chunk : MultiRow.chunks(newRuns)) {
      List<Object> params = new ArrayList<>(chunk.size() * 7);
      for (NewRun r : chunk) {
        String snapshot = nodes.computeIfAbsent(r.workflow().id(), id -> workflows.writeNodes(r.workflow().nodes()));
        params.addAll(Arrays.asList(r.workflow().id(), r.contactId(), r.eventId(), snapshot, Timestamps.bind(now),
            Timestamps.bind(now), Timestamps.bind(now)));
      }
      var keys = new GeneratedKeyHolder();
      jdbc.sql("INSERT INTO workflow_run (workflow_id, contact_id, event_id, status, next_node, nodes, variables, "
              + "steps, started_at, updated_at, due_at) VALUES "
              + MultiRow.values(chunk.size(), "(?, ?, ?, 'running', 0, ?, '{}', '[]', ?, ?, ?)"))
          .params(params).update(keys, "id");
      ids.addAll(MultiRow.keys(keys, chunk.size()));
    }
    return ids;
  }

  Optional<Run> find(long id) {
    return jdbc.sql("SELECT * FROM workflow_run WHERE id = ?").param(id).query(this::map).optional();
  }

  /**
   * Claims up to {@code limit} runs due at {@code now}, skipping runs other nodes are claiming, and
   * leases them until {@code leaseEnd} by moving their due time there: a node that dies with them
   * leaves them due again when the lease ends. Call inside a transaction (the row locks end with it).
   * ORDER BY before SKIP LOCKED: H2 may then answer fewer rows while another claim holds the first
   * ones, never a run twice; PostgreSQL walks the due_at index and skips locked rows.
   */
  List<DueRun> claimDue(Instant now, Instant leaseEnd, int limit) {
    List<DueRun> due = jdbc.sql("""
            SELECT * FROM workflow_run WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""")
        .params(Timestamps.bind(now), limit)
        .query((rs, n) -> new DueRun(map(rs, n), rs.getInt("attempts"))).list();
    if (!due.isEmpty()) {
      int leased = jdbc.sql("UPDATE workflow_run SET due_at = :lease WHERE id IN (:ids)")
          .param("lease", Timestamps.bind(leaseEnd)).param("ids", due.stream().map(d -> d.run().id()).toList())
          .update();
      if (leased != due.size()) {
        throw new IllegalStateException("leased " + leased + " of " + due.size() + " locked runs");
      }
    }
    return due;
  }

  /** Applies the advances in one JDBC batch; true where the run was still at its fromNode and moved on. */
  boolean[] advanceAll(List<Advance> advances) {
    List<Object[]> rows = new ArrayList<>(advances.size());
    for (Advance a : advances) {
      Run run = a.run();
      rows.add(new Object[] {run.status().wire(), run.nextNode(),
          json.writerFor(VARIABLES).writeValueAsString(run.variables()), json.writerFor(STEPS).writeValueAsString(run.steps()),
          Timestamps.bind(run.updatedAt()), Timestamps.bind(run.resumeAt()), Timestamps.bind(run.finishedAt()),
          Timestamps.bind(a.dueAt()), a.attempts(), run.id(), a.fromNode()});
    }
    int[] counts = batch.batchUpdate("""
        UPDATE workflow_run SET status = ?, next_node = ?, variables = ?, steps = ?, updated_at = ?, resume_at = ?,
                                finished_at = ?, due_at = ?, attempts = ?
        WHERE id = ? AND next_node = ? AND status IN ('running', 'waiting')""", rows, ADVANCE_TYPES);
    boolean[] applied = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      // a driver may answer SUCCESS_NO_INFO (-2) for a batched statement: treat as applied
      applied[i] = counts[i] != 0;
    }
    return applied;
  }

  /** A run of the old job queue's step: due now, if it is still at that node. */
  void makeDue(long id, int node, Instant now) {
    jdbc.sql("UPDATE workflow_run SET due_at = ? WHERE id = ? AND next_node = ? AND status IN ('running', 'waiting')")
        .params(Timestamps.bind(now), id, node).update();
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
