package io.couponflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.FreshPostgresDatabase;
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

/**
 * Two application JVMs on one PostgreSQL; assignment load on both; one is killed with kill -9 in
 * the middle. Afterwards the database must tell the same story as the client: no code twice,
 * every 201 the client saw is there, counters equal the truth recomputed from rows.
 */
class NodeCrashPostgresIT {
  private static final String KEY = "cf_cluster_test_key_1234567890";

  @Test
  void killingANodeMidLoadLosesAndDuplicatesNothing() throws Exception {
    String db = FreshPostgresDatabase.NAME + "_crash";
    String url = "jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/" + db;
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/postgres",
        "postgres", ""); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + db);
    }
    try (AppNode a = AppNode.start(url, KEY, "a"); AppNode b = AppNode.start(url, KEY, "b")) {
      a.awaitHealthy(Duration.ofMinutes(3));
      b.awaitHealthy(Duration.ofMinutes(3));
      ApiClient nodeA = new ApiClient(a.port, KEY);
      ApiClient nodeB = new ApiClient(b.port, KEY);
      long setId = nodeA.post("/api/v1/coupon-sets", Map.of("name", "crash", "type", "multiple")).json().get("id").asLong();
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        codes.add("CRASH-" + i);
      }
      assertThat(nodeA.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", codes)).json().get("added").asInt())
          .isEqualTo(3000);

      Map<Long, String> seen = new ConcurrentHashMap<>();
      AtomicInteger failedCalls = new AtomicInteger();
      AtomicInteger exhausted = new AtomicInteger();
      AtomicInteger started = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      for (int i = 0; i < 2400; i++) {
        int n = i;
        pool.submit(() -> {
          started.incrementAndGet();
          ApiClient node = n % 2 == 0 ? nodeA : nodeB;
          try {
            var r = node.post("/api/v1/coupon-sets/" + setId + "/assignments", Map.of("contactId", "crash-" + n));
            if (r.status() == 201) {
              seen.put(r.json().get("id").asLong(), r.json().get("code").asString());
            } else if (r.status() == 409) {
              exhausted.incrementAndGet();
            } else {
              failedCalls.incrementAndGet();
            }
          } catch (RuntimeException connectionLost) {
            failedCalls.incrementAndGet();
          }
        });
      }
      while (started.get() < 800) {
        Thread.onSpinWait();
      }
      b.kill();
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

      assertThat(failedCalls.get()).as("calls to the killed node fail").isPositive();
      assertThat(seen.size()).as("the surviving node kept assigning").isGreaterThan(1000);
      try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
        assertThat(single(s, "SELECT COUNT(*) - COUNT(DISTINCT code_id) FROM assignment WHERE status <> 'released'"))
            .as("no code held twice").isZero();
        Map<Long, String> stored = new ConcurrentHashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT id, code FROM assignment")) {
          while (rs.next()) {
            stored.put(rs.getLong(1), rs.getString(2));
          }
        }
        assertThat(stored).as("every 201 the client saw is in the database").containsAllEntriesOf(seen);
        long assignedRows = single(s, "SELECT COUNT(*) FROM assignment WHERE status <> 'released'");
        assertThat(single(s, "SELECT SUM(assigned) FROM set_counter WHERE coupon_set_id = " + setId))
            .as("counter equals the rows").isEqualTo(assignedRows);
        assertThat(single(s, "SELECT SUM(total) FROM set_counter WHERE coupon_set_id = " + setId)).isEqualTo(3000);
        assertThat(single(s, "SELECT COUNT(*) FROM free_code WHERE coupon_set_id = " + setId))
            .as("every code is either free or assigned").isEqualTo(3000 - assignedRows);
        assertThat(single(s, "SELECT COUNT(*) FROM code WHERE coupon_set_id = " + setId + " AND status = 'assigned'"))
            .isEqualTo(assignedRows);
      }
    }
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
