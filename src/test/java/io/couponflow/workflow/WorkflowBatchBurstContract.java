package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 10,000 events posted as 10 concurrent batches of 1,000 into Assign coupon → Send web content over
 * a set of 6,000 codes (onExhausted skip): every run ends, each code goes to exactly one run and one
 * popup, the other 4,000 runs are skipped, and the set's counters equal its rows. H2 and PostgreSQL.
 */
abstract class WorkflowBatchBurstContract extends WorkflowFixtures {
  private static final int EVENTS = 10_000;
  private static final int CODES = 6_000;
  private static final int BATCH = 1_000;

  @Autowired
  JdbcClient jdbc;

  @Test
  void tenThousandBatchedEventsEndEveryRunWithEachCodeAssignedOnceAndTheRestSkipped() throws Exception {
    long setId = createMultipleSet("batch burst", CODES).get("id").asLong();
    String trigger = unique("burst");
    String prefix = unique("b-");
    long workflowId = activeWorkflow(trigger, List.of(assignNode(setId, "skip", null),
        Map.of("type", "send-web-content", "html", "<p>Code <b>{{coupon}}</b></p>")));

    List<ApiClient.Response> posted = postConcurrently(prefix, trigger);

    assertThat(posted).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(201));
    assertThat(posted).allSatisfy(r -> assertThat(r.json().get("items")).hasSize(BATCH));
    awaitTrue(Duration.ofMinutes(8), "every run to end", () -> count("""
        SELECT COUNT(*) FROM workflow_run WHERE workflow_id = ? AND status IN ('finished', 'skipped', 'stopped', 'failed')""",
        workflowId) == EVENTS);
    assertThat(count("SELECT COUNT(*) FROM workflow_run WHERE workflow_id = ?", workflowId)).isEqualTo(EVENTS);
    assertThat(count("SELECT COUNT(*) FROM workflow_run WHERE workflow_id = ? AND status = 'finished'", workflowId))
        .isEqualTo(CODES);
    assertThat(count("SELECT COUNT(*) FROM workflow_run WHERE workflow_id = ? AND status = 'skipped'", workflowId))
        .isEqualTo(EVENTS - CODES);
    assertThat(count("SELECT COUNT(DISTINCT contact_id) FROM workflow_run WHERE workflow_id = ?", workflowId))
        .isEqualTo(EVENTS);
    List<String> assigned = jdbc.sql("SELECT code FROM assignment WHERE coupon_set_id = ?").param(setId)
        .query(String.class).list();
    assertThat(assigned).hasSize(CODES).doesNotHaveDuplicates();
    assertThat(count("SELECT COUNT(DISTINCT contact_id) FROM assignment WHERE coupon_set_id = ?", setId))
        .isEqualTo(CODES);
    List<String> shown = jdbc.sql("""
            SELECT w.codes FROM web_content w JOIN workflow_run r ON r.id = w.run_id WHERE r.workflow_id = ?""")
        .param(workflowId).query(String.class).list();
    assertThat(shown).hasSize(CODES).doesNotHaveDuplicates();
    assertThat(new HashSet<>(shown)).isEqualTo(new HashSet<>(assigned));
    var set = set(setId);
    assertThat(set.get("assigned").asLong()).isEqualTo(CODES)
        .isEqualTo(count("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status <> 'available'", setId));
    assertThat(set.get("available").asLong()).isZero()
        .isEqualTo(count("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'available'", setId));
    assertThat(set.get("sent").asLong()).isZero();
    assertThat(count("SELECT COUNT(*) FROM activity WHERE workflow_id = ? AND type = 'coupon-exhausted'", workflowId))
        .isEqualTo(EVENTS - CODES);
  }

  private long count(String sql, long id) {
    return jdbc.sql(sql).param(id).query(Long.class).single();
  }

  /** One client thread per batch of 1,000 events for new contacts, all posted at once. */
  private List<ApiClient.Response> postConcurrently(String prefix, String trigger) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(EVENTS / BATCH);
    try {
      List<Callable<ApiClient.Response>> calls = new ArrayList<>();
      for (int b = 0; b < EVENTS / BATCH; b++) {
        List<Map<String, Object>> items = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          items.add(EventBatchContract.item(prefix + b + "-" + i, trigger, Map.of()));
        }
        calls.add(() -> api.post("/api/v1/events/batch", Map.of("items", items)));
      }
      List<ApiClient.Response> responses = new ArrayList<>();
      for (Future<ApiClient.Response> f : pool.invokeAll(calls, 3, TimeUnit.MINUTES)) {
        responses.add(f.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
