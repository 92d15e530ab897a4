package io.couponflow.contact;

import io.couponflow.db.MultiRow;
import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {
  private final JdbcClient jdbc;

  ActivityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ActivityEntry e) {
    jdbc.sql("""
            INSERT INTO activity (contact_id, type, occurred_at, coupon_set_id, code, workflow_id, run_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.contactId(), e.type(), Timestamps.bind(e.at()), e.couponSetId(), e.code(), e.workflowId(),
            e.runId(), e.detail())
        .update();
  }

  /** Many entries, a few multi-row statements. */
  void insertAll(List<ActivityEntry> entries) {
    for (List<ActivityEntry> chunk : MultiRow.chunks(entries)) {
      List<Object> params = new ArrayList<>(chunk.size() * 8);
      for (ActivityEntry e : chunk) {
        params.addAll(Arrays.asList(e.contactId(), e.type(), Timestamps.bind(e.at()), e.couponSetId(), e.code(),
            e.workflowId(), e.runId(), e.detail()));
      }
      jdbc.sql("INSERT INTO activity (contact_id, type, occurred_at, coupon_set_id, code, workflow_id, run_id, detail) "
              + "VALUES " + MultiRow.values(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"))
          .params(params).update();
    }
  }

  /** Newest first, below the cursor id; types empty = every type. */
  List<ActivityEntry> page(String contactId, List<String> types, long beforeId, int limit) {
    String typeFilter = types.isEmpty() ? "" : " AND type IN (:types)";
    var spec = jdbc.sql("SELECT * FROM activity WHERE contact_id = :contact AND id < :before" + typeFilter
            + " ORDER BY id DESC LIMIT :limit")
        .param("contact", contactId).param("before", beforeId).param("limit", limit);
    if (!types.isEmpty()) {
      spec = spec.param("types", types);
    }
    return spec.query(this::map).list();
  }

  boolean any(String contactId) {
    return jdbc.sql("SELECT COUNT(*) FROM activity WHERE contact_id = ?").param(contactId)
        .query(Long.class).single() > 0;
  }

  private ActivityEntry map(ResultSet rs, int row) throws SQLException {
    return new ActivityEntry(rs.getLong("id"), rs.getString("contact_id"), rs.getString("type"),
        Timestamps.read(rs, "occurred_at"), rs.getObject("coupon_set_id", Long.class), rs.getString("code"),
        rs.getObject("workflow_id", Long.class), rs.getObject("run_id", Long.class), rs.getString("detail"));
  }
}
