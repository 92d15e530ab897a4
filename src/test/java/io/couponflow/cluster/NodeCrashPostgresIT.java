package io.couponflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couponflow.support.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application JVMs on one PostgreSQL; assignment load on both and imports running; node b is
 * killed with kill -9 while it runs an import. Afterwards the database must tell the same story as
 * the client: no code twice, every 201 the client saw is there, counters equal the truth
 * recomputed from rows, and every import finished exactly once (b's taken over by a).
 */
class NodeCrashPostgresIT {
  private static final String KEY = "cf_cluster_test_key_1234567890";
  private static final int IMPORT_ROWS = 150_000;

  @TempDir Path tmp;

  @Test
  void killingANodeMidLoadLosesAndDuplicatesNothing() throws Exception {
    ClusterDatabase db = ClusterDatabase.fresh("crash");
    Map<String, String> env = Map.of("COUPONFLOW_IMPORTS_DIR", Files.createDirectories(tmp.resolve("imports")).toString());
    try (AppNode a = AppNode.start(db.url, KEY, "a", env); AppNode b = AppNode.start(db.url, KEY, "b", env)) {
      a.awaitHealthy(Duration.ofMinutes(3));
      b.awaitHealthy(Duration.ofMinutes(3));
      ApiClient nodeA = new ApiClient(a.port, KEY);
      ApiClient nodeB = new ApiClient(b.port, KEY);
      long setId = nodeA.post("/api/v1/coupon-sets", Map.of("name", "crash", "type", "multiple")).json().get("id").asLong();
      long importSet = nodeA.post("/api/v1/coupon-sets", Map.of("name", "crash imports", "type", "multiple"))
          .json().get("id").asLong();
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        codes.add("CRASH-" + i);
      }
      assertThat(nodeA.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", codes)).json().get("added").asInt())
          .isEqualTo(3000);
      List<Long> importIds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        importIds.add(ClusterDatabase.startImport(i % 2 == 0 ? nodeA : nodeB, importSet,
            ClusterDatabase.codeFile(tmp, "IMP" + i, IMPORT_ROWS)));
      }

      Map<Long, String> seen = new ConcurrentHashMap<>();
      AtomicInteger failedCalls = new AtomicInteger();
      AtomicInteger started = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      for (int i = 0; i < 2400; i++) {
        int n = i;
        pool.submit(() -> {
          started.incrementAndGet();
          ApiClient node = n % 2 == 0 ? nodeA : nodeB;
          try {
            var r = node.post("/api/v1/coupon-sets/" + setId + "/assignments", Map.of("contactId", "crash-" + n),
                Map.of("Idempotency-Key", "crash-key-" + n));
            if (r.status() == 201) {
              seen.put(r.json().get("id").asLong(), r.json().get("code").asString());
            } else if (r.status() != 409) {
              failedCalls.incrementAndGet();
            }
          } catch (RuntimeException connectionLost) {
            failedCalls.incrementAndGet();
          }
        });
      }
      // kill b mid-load while it runs an import: give it another import whenever it has none in hand
      int more = 0;
      while (started.get() < 400 || db.single("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'import'"
          + " AND picked AND picked_by = 'b'") == 0) {
        if (db.single("SELECT COUNT(*) FROM import_job WHERE status IN ('queued', 'inProgress')") == 0 && more < 10) {
          importIds.add(ClusterDatabase.startImport(nodeB, importSet, ClusterDatabase.codeFile(tmp, "MORE" + more++, IMPORT_ROWS)));
        }
        Thread.onSpinWait();
      }
      b.kill();
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

      assertThat(failedCalls.get()).as("calls to the killed node fail").isPositive();
      assertThat(seen.size()).as("the surviving node kept assigning").isGreaterThan(1000);
      assertThat(db.single("SELECT COUNT(*) - COUNT(DISTINCT code_id) FROM assignment WHERE status <> 'released'"))
          .as("no code held twice").isZero();
      Map<Long, String> stored = new ConcurrentHashMap<>();
      try (Connection c = DriverManager.getConnection(db.url, "postgres", ""); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, code FROM assignment")) {
        while (rs.next()) {
          stored.put(rs.getLong(1), rs.getString(2));
        }
      }
      assertThat(stored).as("every 201 the client saw is in the database").containsAllEntriesOf(seen);
      long assignedRows = db.single("SELECT COUNT(*) FROM assignment WHERE status <> 'released'");
      assertThat(db.single("SELECT SUM(assigned) FROM set_counter WHERE coupon_set_id = " + setId))
          .as("counter equals the rows").isEqualTo(assignedRows);
      assertThat(db.single("SELECT SUM(total) FROM set_counter WHERE coupon_set_id = " + setId)).isEqualTo(3000);
      assertThat(db.single("SELECT COUNT(*) FROM code WHERE status = 'available' AND coupon_set_id = " + setId))
          .as("every code is either free or assigned").isEqualTo(3000 - assignedRows);
      assertThat(db.single("SELECT COUNT(*) FROM code WHERE coupon_set_id = " + setId + " AND status = 'assigned'"))
          .isEqualTo(assignedRows);
      // batches died with b mid-transaction: nothing of them is half there
      assertThat(db.single("SELECT COUNT(*) FROM contact_hold WHERE coupon_set_id = " + setId)).isEqualTo(assignedRows);
      assertThat(db.single("SELECT COUNT(*) FROM assignment_request WHERE coupon_set_id = " + setId))
          .isEqualTo(assignedRows);
      assertThat(db.single("SELECT COUNT(*) FROM contact_hold h LEFT JOIN assignment a ON a.id = h.assignment_id"
          + " WHERE a.id IS NULL")).as("every hold points at an assignment").isZero();
      assertThat(db.single("SELECT COUNT(*) FROM assignment_request r LEFT JOIN assignment a ON a.id = r.assignment_id"
          + " WHERE a.id IS NULL")).as("every idempotency key points at an assignment").isZero();
      assertThat(db.single("SELECT COUNT(*) FROM activity WHERE type = 'coupon-assigned' AND coupon_set_id = " + setId))
          .isEqualTo(assignedRows);
      assertThat(db.single("SELECT SUM(assigned) FROM stat_hour WHERE coupon_set_id = " + setId)).isEqualTo(assignedRows);

      // b's import is revived on a once b's heartbeat is missed; every import ends finished, exactly once
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
          .until(() -> db.single("SELECT COUNT(*) FROM import_job WHERE status IN ('queued', 'inProgress')") == 0);
      for (long importId : importIds) {
        assertThat(db.single("SELECT COUNT(*) FROM import_job WHERE id = " + importId + " AND status = 'finished'"
            + " AND success = " + IMPORT_ROWS + " AND errors = 0")).as("import " + importId + " finished").isEqualTo(1);
        assertThat(db.single("SELECT COUNT(*) FROM code WHERE import_id = " + importId)).as("codes of import " + importId)
            .isEqualTo(IMPORT_ROWS);
      }
      assertThat(db.single("SELECT MAX(attempt) FROM import_job")).as("an import was taken over").isGreaterThan(1);
      long importCodes = (long) IMPORT_ROWS * importIds.size();
      assertThat(db.single("SELECT COUNT(*) FROM code WHERE coupon_set_id = " + importSet)).isEqualTo(importCodes);
      assertThat(db.single("SELECT SUM(total) FROM set_counter WHERE coupon_set_id = " + importSet)).isEqualTo(importCodes);
      assertThat(db.single("SELECT COUNT(*) FROM code WHERE status = 'available' AND coupon_set_id = " + importSet)).isEqualTo(importCodes);
      // a finished import's staging rows go right after its commit
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
          .until(() -> db.single("SELECT COUNT(*) FROM import_staging") == 0);
    }
  }
}
