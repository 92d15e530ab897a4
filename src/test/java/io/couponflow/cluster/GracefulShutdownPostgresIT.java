package io.couponflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couponflow.support.ApiClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a node (SIGTERM) while it serves a request and runs an import: the request still
 * completes, the import is handed back to the job queue and the other node finishes it, once.
 */
class GracefulShutdownPostgresIT {
  private static final String KEY = "cf_cluster_test_key_1234567890";
  private static final int BIG_IMPORT_ROWS = 1_000_000;

  @TempDir Path tmp;

  @Test
  void aStoppingNodeFinishesItsRequestsAndHandsBackItsImport() throws Exception {
    ClusterDatabase db = ClusterDatabase.fresh("shutdown");
    Map<String, String> env = Map.of("COUPONFLOW_IMPORTS_DIR", Files.createDirectories(tmp.resolve("imports")).toString());
    try (AppNode a = AppNode.start(db.url, KEY, "a", env); AppNode b = AppNode.start(db.url, KEY, "b", env)) {
      a.awaitHealthy(Duration.ofMinutes(3));
      b.awaitHealthy(Duration.ofMinutes(3));
      ApiClient nodeA = new ApiClient(a.port, KEY);
      long setId = nodeA.post("/api/v1/coupon-sets", Map.of("name", "shutdown", "type", "multiple")).json().get("id").asLong();
      long bigImport = ClusterDatabase.startImport(nodeA, setId, ClusterDatabase.codeFile(tmp, "BIG", BIG_IMPORT_ROWS));
      String runner = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(
          () -> db.single("SELECT COUNT(*) FROM import_job WHERE id = " + bigImport + " AND status = 'inProgress'") == 1
              ? pickedBy(db, bigImport) : null, name -> name != null);
      AppNode victim = runner.equals("a") ? a : b;
      AppNode survivor = victim == a ? b : a;

      byte[] body = multipartBody(setId, "SLOW", 100);
      try (Socket socket = new Socket("127.0.0.1", victim.port)) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1:" + victim.port + "\r\nAuthorization: apiKey " + KEY
            + "\r\nContent-Type: multipart/form-data; boundary=slow-boundary\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        ApiClient victimApi = new ApiClient(victim.port, KEY);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
            .until(() -> activePosts(victimApi) > 0);

        victim.terminate();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
            .until(() -> victim.logText().contains("Commencing graceful shutdown"));
        out.write(body, body.length / 2, body.length - body.length / 2);
        out.flush();
        String response = readAll(socket.getInputStream());
        assertThat(response).as("the request in flight completes").startsWith("HTTP/1.1 201");
      }
      victim.awaitExit(Duration.ofMinutes(1));
      String log = victim.logText();
      assertThat(log).as("the running import was handed back").contains("Import " + bigImport + " attempt 1 released at row");
      assertThat(log.indexOf("Graceful shutdown complete")).as("requests finish before jobs are handed back")
          .isLessThan(log.indexOf("released at row"));

      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
          .until(() -> db.single("SELECT COUNT(*) FROM import_job WHERE status IN ('queued', 'inProgress')") == 0);
      assertThat(db.single("SELECT COUNT(*) FROM import_job WHERE id = " + bigImport + " AND status = 'finished'"
          + " AND attempt = 2 AND success = " + BIG_IMPORT_ROWS)).as("the survivor finished the big import").isEqualTo(1);
      assertThat(db.single("SELECT COUNT(*) FROM import_job WHERE status = 'finished'")).isEqualTo(2);
      assertThat(db.single("SELECT COUNT(*) FROM code WHERE coupon_set_id = " + setId)).isEqualTo(BIG_IMPORT_ROWS + 100);
      assertThat(db.single("SELECT SUM(total) FROM set_counter WHERE coupon_set_id = " + setId)).isEqualTo(BIG_IMPORT_ROWS + 100);
      // a finished import's staging rows go right after its commit
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
          .until(() -> db.single("SELECT COUNT(*) FROM import_staging") == 0);
      assertThat(new ApiClient(survivor.port, KEY).get("/api/v1/coupon-sets/" + setId).json().get("total").asLong())
          .isEqualTo(BIG_IMPORT_ROWS + 100);
    }
  }

  private static String pickedBy(ClusterDatabase db, long importId) throws Exception {
    for (String node : new String[] {"a", "b"}) {
      if (db.single("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'import' AND task_instance = '" + importId
          + "' AND picked AND picked_by = '" + node + "'") == 1) {
        return node;
      }
    }
    return null;
  }

  /** POST requests the node is serving right now (Micrometer's active-request timer). */
  private static long activePosts(ApiClient node) {
    return node.get("/actuator/prometheus").text().lines()
        .filter(l -> l.startsWith("http_server_requests_active_seconds_count") && l.contains("method=\"POST\""))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private static byte[] multipartBody(long setId, String prefix, int codes) {
    StringBuilder csv = new StringBuilder("code\n");
    for (int i = 0; i < codes; i++) {
      csv.append(prefix).append('-').append(i).append('\n');
    }
    String body = "--slow-boundary\r\nContent-Disposition: form-data; name=\"couponSetId\"\r\n\r\n" + setId + "\r\n"
        + "--slow-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--slow-boundary--\r\n";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static String readAll(InputStream in) throws Exception {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    in.transferTo(response);
    return response.toString(StandardCharsets.UTF_8);
  }
}
