package io.couponflow.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.couponflow.support.ApiTest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A generated import keeps the import's guarantees, on H2 and PostgreSQL: cancel and a crash leave no codes. */
abstract class GeneratedImportContract extends ApiTest {
  @Autowired JdbcClient jdbc;
  @Autowired ImportRunner runner;
  @Autowired ImportRepository imports;
  @Autowired ImportStaging staging;
  @Autowired Scheduler scheduler;
  @Autowired @Qualifier("importTask") OneTimeTask<Void> importTask;
  @Autowired Clock clock;

  @Test
  void cancellingAGenerationMidwayLeavesNoCodes() {
    long setId = multipleSet();
    long id = queuedWithoutJob(setId, "CX-" + unique("").substring(0, 4) + "-????", 50);
    runner.run(id, 10, (importId, total) -> {
      if (total == 20) {
        assertThat(api.post("/api/v1/imports/" + importId + "/cancel", "").status()).isEqualTo(200);
      }
    });

    assertThat(api.get("/api/v1/imports/" + id).json().get("status").asString()).isEqualTo("cancelled");
    assertThat(codeCount(id)).isZero();
    assertThat(staging.count(id)).isZero();
    assertThat(set(setId).get("total").asLong()).isZero();
  }

  @Test
  void aGenerationInterruptedMidwayIsRedoneByAnotherNodeExactlyOnce() {
    long setId = multipleSet();
    String pattern = "KX-" + unique("").substring(0, 4) + "-??##";
    long id = queuedWithoutJob(setId, pattern, 60);
    try {
      runner.run(id, 10, (importId, total) -> {
        if (total == 30) {
          throw new SimulatedCrash();
        }
      });
    } catch (SimulatedCrash expected) {
      // as after kill -9: the row says inProgress, staging holds part of the codes
    }
    assertThat(api.get("/api/v1/imports/" + id).json().get("status").asString()).isEqualTo("inProgress");
    assertThat(codeCount(id)).isZero();

    scheduler.schedule(importTask.instance(Long.toString(id)), clock.instant());
    JsonNode done = awaitOver(id);
    assertThat(done.get("status").asString()).isEqualTo("finished");
    assertThat(done.get("success").asLong()).isEqualTo(60);
    assertThat(done.get("type").asString()).isEqualTo("generated");
    assertThat(done.get("pattern").asString()).isEqualTo(pattern);
    assertThat(codeCount(id)).isEqualTo(60);
    assertThat(set(setId).get("available").asLong()).isEqualTo(60);
    Set<String> keys = new HashSet<>(jdbc.sql("SELECT code_key FROM code WHERE import_id = ?").param(id)
        .query(String.class).list());
    assertThat(keys).hasSize(60);

    runner.run(id);
    assertThat(codeCount(id)).isEqualTo(60);
  }

  static class SimulatedCrash extends Error {}

  private long multipleSet() {
    return createMultipleSet(unique("generated-test"), 0).get("id").asLong();
  }

  private long queuedWithoutJob(long setId, String pattern, long count) {
    return imports.insertGenerated(setId, null, CodePattern.parse(pattern), count, "api", clock.instant());
  }

  private long codeCount(long importId) {
    return jdbc.sql("SELECT COUNT(*) FROM code WHERE import_id = ?").param(importId).query(Long.class).single();
  }

  private JsonNode awaitOver(long id) {
    JsonNode[] last = new JsonNode[1];
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
      last[0] = api.get("/api/v1/imports/" + id).json();
      return List.of("finished", "error", "cancelled").contains(last[0].get("status").asString());
    });
    return last[0];
  }
}
