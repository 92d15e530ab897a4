package io.couponflow.delivery;

import io.couponflow.db.MultiRow;
import io.couponflow.db.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebContentRepository {
  record Pending(long id, String html, List<Long> assignmentIds, List<String> codes, Long runId) {}

  private final JdbcClient jdbc;

  WebContentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** At most one popup per run step, so a retried step queues nothing twice. */
  void insertOnce(Long runId, Integer nodeIndex, String contactId, String html, List<Long> assignmentIds,
      List<String> codes, Instant now) {
    jdbc.sql("""
            INSERT INTO web_content (run_id, node_index, contact_id, html, assignment_ids, codes, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING""")
        .params(runId, nodeIndex, contactId, html,
            assignmentIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
            String.join("\n", codes), Timestamps.bind(now))
        .update();
  }

  void insertAllOnce(List<WebContentInbox.QueuedPopup> popups, Instant now) {
    for (List<WebContentInbox.QueuedPopup> chunk : MultiRow.chunks(popups)) {
      List<Object> params = new ArrayList<>(chunk.size() * 7);
      for (var p : chunk) {
        params.addAll(Arrays.asList(p.runId(), p.nodeIndex(), p.contactId(), p.html(),
            p.assignmentIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
            String.join("\n", p.codes()), Timestamps.bind(now)));
      }
      jdbc.sql("INSERT INTO web_content (run_id, node_index, contact_id, html, assignment_ids, codes, status, created_at) "
              + "VALUES " + MultiRow.values(chunk.size(), "(?, ?, ?, ?, ?, ?, 'pending', ?)") + " ON CONFLICT DO NOTHING")
          .params(params).update();
    }
  }

  List<Pending> lockPending(String contactId) {
    return jdbc.sql("""
            SELECT id, html, assignment_ids, codes, run_id FROM web_content
            WHERE contact_id = ? AND status = 'pending' ORDER BY id FOR UPDATE""")
        .param(contactId)
        .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), ids(rs.getString(3)), lines(rs.getString(4)),
            rs.getObject(5, Long.class)))
        .list();
  }

  void markDelivered(long id, Instant now) {
    jdbc.sql("UPDATE web_content SET status = 'delivered', delivered_at = ? WHERE id = ?")
        .params(Timestamps.bind(now), id).update();
  }

  private static List<Long> ids(String text) {
    return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
  }

  private static List<String> lines(String text) {
    return text.isBlank() ? List.of() : List.of(text.split("\n"));
  }
}
