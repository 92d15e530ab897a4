package io.couponflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couponflow.support.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two application JVMs share the steps of one workflow burst (batches of events posted to both),
 * and node a is killed with kill -9 while runs are under way: node b takes a's leased runs over
 * when the lease ends and every run ends exactly once: each code assigned and shown once, the
 * runs beyond the set's codes skipped, counters equal to rows.
 */
class WorkflowClusterPostgresIT {
  private static final String KEY = "cf_cluster_test_key_1234567890";
  private static final int EVENTS = 4_000;
  private static final int CODES = 2_500;

  @Test
  void twoNodesShareTheRunsAndAfterAKillEveryRunEndsWithEachCodeOnce() throws Exception {
    ClusterDatabase db = ClusterDatabase.fresh("workflow");
    // small batches and a short lease, so both nodes hold runs and the takeover comes soon
    Map<String, String> env = Map.of("COUPONFLOW_WORKFLOW_BATCH_SIZE", "50", "COUPONFLOW_WORKFLOW_LEASE", "5s");
    try (AppNode a = AppNode.start(db.url, KEY, "a", env); AppNode b = AppNode.start(db.url, KEY, "b", env)) {
      a.awaitHealthy(Duration.ofMinutes(3));
      b.awaitHealthy(Duration.ofMinutes(3));
      ApiClient nodeA = new ApiClient(a.port, KEY);
      ApiClient nodeB = new ApiClient(b.port, KEY);
      long setId = nodeA.post("/api/v1/coupon-sets", Map.of("name", "cluster burst", "type", "multiple"))
          .json().get("id").asLong();
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < CODES; i++) {
        codes.add("WFC-" + i);
      }
      assertThat(nodeA.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", codes)).json().get("added")
          .asInt()).isEqualTo(CODES);
      var created = nodeA.post("/api/v1/workflows", Map.of("name", "cluster", "trigger", Map.of("event", "visit"),
          "nodes", List.of(Map.of("type", "assign-coupon", "couponSetId", setId, "onExhausted", "skip"),
              Map.of("type", "send-web-content", "html", "<b>{{coupon}}</b>"))));
      long workflowId = created.json().get("id").asLong();
      assertThat(nodeA.post("/api/v1/workflows/" + workflowId + "/activate", "").status()).isEqualTo(200);

      for (int batch = 0; batch < EVENTS / 1000; batch++) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          items.add(Map.of("contactId", "wfc-" + batch + "-" + i, "type", "visit", "properties", Map.of()));
        }
        var posted = (batch % 2 == 0 ? nodeA : nodeB).post("/api/v1/events/batch", Map.of("items", items));
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
      }
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
          .until(() -> ended(db, workflowId) >= 50);
      a.kill();

      await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(200))
          .until(() -> ended(db, workflowId) == EVENTS);
      String runs = "SELECT COUNT(*) FROM workflow_run WHERE workflow_id = " + workflowId;
      assertThat(db.single(runs)).isEqualTo(EVENTS);
      assertThat(db.single(runs + " AND status = 'finished'")).isEqualTo(CODES);
      assertThat(db.single(runs + " AND status = 'skipped'")).isEqualTo(EVENTS - CODES);
      assertThat(db.single("SELECT COUNT(*) FROM assignment WHERE coupon_set_id = " + setId)).isEqualTo(CODES);
      assertThat(db.single("SELECT COUNT(DISTINCT code) FROM assignment WHERE coupon_set_id = " + setId))
          .isEqualTo(CODES);
      String popups = "FROM web_content w JOIN workflow_run r ON r.id = w.run_id WHERE r.workflow_id = " + workflowId;
      assertThat(db.single("SELECT COUNT(*) " + popups)).isEqualTo(CODES);
      assertThat(db.single("SELECT COUNT(DISTINCT w.codes) " + popups)).isEqualTo(CODES);
      var set = nodeB.get("/api/v1/coupon-sets/" + setId).json();
      assertThat(set.get("assigned").asLong()).isEqualTo(CODES);
      assertThat(set.get("available").asLong()).isZero()
          .isEqualTo(db.single("SELECT COUNT(*) FROM code WHERE status = 'available' AND coupon_set_id = " + setId));
    }
  }

  private static long ended(ClusterDatabase db, long workflowId) throws Exception {
    return db.single("SELECT COUNT(*) FROM workflow_run WHERE workflow_id = " + workflowId
        + " AND status NOT IN ('running', 'waiting')");
  }
}
