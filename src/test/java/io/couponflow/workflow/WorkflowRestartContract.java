package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.CouponflowApplication;
import io.couponflow.common.Hashing;
import io.couponflow.support.ApiClient;
import io.couponflow.support.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A run waiting in a wait node survives a restart: the app is started on a database of its own,
 * stopped while the run waits, started again, and time is moved past the wait with a settable Clock.
 */
abstract class WorkflowRestartContract {
  // set like COUPONFLOW_WEB_SECRET, so the second start signs with what the first one used
  private static final String WEB_SECRET = "restart-test-web-secret";

  /**
   * A Clock the test moves forward; the app and its job queue read time from it. It keeps
   * ticking, as a frozen clock would make a job stored with rounded-up microseconds never due.
   */
  static final class SettableClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    void advance(Duration by) {
      ahead = ahead.plus(by);
    }

    @Override
    public Instant instant() {
      return Clock.systemUTC().instant().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** A fresh, empty database: JDBC url, user, password. */
  protected abstract List<String> freshDatabase();

  @Test
  void aRunWaitingInAWaitNodeContinuesAfterARestart() {
    List<String> database = freshDatabase();
    SettableClock clock = new SettableClock();
    long workflowId;
    long setId;
    String contact = "restart-contact";
    try (ConfigurableApplicationContext first = startApp(database, clock)) {
      ApiClient api = client(first);
      var set = api.post("/api/v1/coupon-sets", Map.of("name", "restart", "type", "multiple"));
      setId = set.json().get("id").asLong();
      assertThat(api.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", List.of("RESTART-1", "RESTART-2")))
          .status()).isEqualTo(200);
      var created = api.post("/api/v1/workflows", Map.of("name", "wait then popup", "trigger", Map.of("event", "visit"),
          "nodes", List.of(Map.of("type", "assign-coupon", "couponSetId", setId),
              Map.of("type", "wait", "duration", "PT1H"),
              Map.of("type", "send-web-content", "html", "<b>{{coupon}}</b>"))));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      workflowId = created.json().get("id").asLong();
      assertThat(api.post("/api/v1/workflows/" + workflowId + "/activate", "").status()).isEqualTo(200);
      assertThat(api.post("/api/v1/events", Map.of("contactId", contact, "type", "visit")).status()).isEqualTo(201);

      await("the run to wait", () -> "waiting".equals(onlyRun(api, workflowId).get("status").asString()));
      assertThat(onlyRun(api, workflowId).get("nextNode").asInt()).isEqualTo(2);
    }

    clock.advance(Duration.ofMinutes(10));
    try (ConfigurableApplicationContext second = startApp(database, clock)) {
      ApiClient api = client(second);
      assertThat(onlyRun(api, workflowId).get("status").asString()).isEqualTo("waiting");

      clock.advance(Duration.ofHours(2));

      await("the run to finish", () -> "finished".equals(onlyRun(api, workflowId).get("status").asString()));
      JsonNode run = onlyRun(api, workflowId);
      String code = run.get("steps").get(0).get("code").asString();
      assertThat(code).startsWith("RESTART-");
      List<String> outcomes = new ArrayList<>();
      run.get("steps").forEach(s -> outcomes.add(s.get("outcome").asString()));
      assertThat(outcomes).containsExactly("assigned", "waiting", "queued");
      var popups = api.withKey(null).get("/web/v1/content?contactId=" + contact + "&signature="
          + Hashing.hmacSha256Hex(WEB_SECRET, contact)).json().get("items");
      assertThat(popups).hasSize(1);
      assertThat(popups.get(0).get("html").asString()).isEqualTo("<b>" + code + "</b>");
      assertThat(api.get("/api/v1/coupon-sets/" + setId).json().get("assigned").asLong()).isEqualTo(1);
    }
  }

  private static JsonNode onlyRun(ApiClient api, long workflowId) {
    JsonNode items = api.get("/api/v1/workflows/" + workflowId + "/runs").json().get("items");
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
    Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(condition);
  }

  private static ApiClient client(ConfigurableApplicationContext context) {
    return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), TestKeys.API_KEY);
  }

  private static ConfigurableApplicationContext startApp(List<String> database, Clock clock) {
    return new SpringApplicationBuilder(CouponflowApplication.class)
        .initializers(context -> {
          GenericApplicationContext app = (GenericApplicationContext) context;
          app.registerBean("settableClock", Clock.class, () -> clock, definition -> definition.setPrimary(true));
          app.registerBean("jobClock", com.github.kagkarlsson.scheduler.Clock.class, () -> clock::instant);
        })
        .run("--server.port=0", "--spring.datasource.url=" + database.get(0),
            "--spring.datasource.username=" + database.get(1), "--spring.datasource.password=" + database.get(2),
            "--couponflow.api-key=" + TestKeys.API_KEY, "--couponflow.admin-password=restart-test-password",
            "--couponflow.web.secret=" + WEB_SECRET);
  }
}
