package io.couponflow.delivery;

import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class EmailRepository {
  private final JdbcClient jdbc;

  EmailRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(EmailDelivery.OutgoingEmail m, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO email_message (run_id, node_index, contact_id, to_address, subject, html, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'sending', ?)""")
        .params(m.runId(), m.nodeIndex(), m.contactId(), m.to(), m.subject(), m.html(), Timestamps.bind(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<EmailMessage> findStep(long runId, int nodeIndex) {
    return jdbc.sql("SELECT * FROM email_message WHERE run_id = ? AND node_index = ?").params(runId, nodeIndex)
        .query(this::map).optional();
  }

  void markDelivered(long id, String status, Instant now) {
    jdbc.sql("UPDATE email_message SET status = ?, sent_at = ?, error = NULL WHERE id = ?")
        .params(status, Timestamps.bind(now), id).update();
  }

  void markFailed(long id, String error) {
    jdbc.sql("UPDATE email_message SET status = 'failed', error = ? WHERE id = ?")
        .params(error.length() > 500 ? error.substring(0, 500) : error, id).update();
  }

  List<EmailMessage> page(String status, long beforeId, int limit) {
    String filter = status == null ? "" : " AND status = :status";
    var spec = jdbc.sql("SELECT * FROM email_message WHERE id < :before" + filter + " ORDER BY id DESC LIMIT :limit")
        .param("before", beforeId).param("limit", limit);
    if (status != null) {
      spec = spec.param("status", status);
    }
    return spec.query(this::map).list();
  }

  private EmailMessage map(ResultSet rs, int row) throws SQLException {
    return new EmailMessage(rs.getLong("id"), rs.getObject("run_id", Long.class), rs.getString("contact_id"),
        rs.getString("to_address"), rs.getString("subject"), rs.getString("html"), rs.getString("status"),
        rs.getString("error"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "sent_at"));
  }
}
