package io.couponflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.couponflow.support.ApiTest;
import io.couponflow.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A series of assignments, sends and redemptions over simulated days, read back bucket by bucket. */
abstract class StatisticsContract extends ApiTest {
  private static final Instant DAY1 = Instant.parse("2031-03-01T00:00:00Z");

  @Autowired
  SettableClock clock;

  @Autowired
  StatisticsCompactor compactor;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private long assignAt(long setId, String contact, Long childSetId, Long workflowId, Instant at) {
    clock.set(at);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contactId", contact);
    body.put("childSetId", childSetId);
    body.put("workflowId", workflowId);
    var response = api.post("/api/v1/coupon-sets/" + setId + "/assignments", body);
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    return response.json().get("id").asLong();
  }

  private String sentAt(long assignmentId, Instant at) {
    clock.set(at);
    var response = api.post("/api/v1/assignments/" + assignmentId + "/sent", "");
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return response.json().get("code").asString();
  }

  private void redeemAt(String code, String orderId, Instant at) {
    var response = api.post("/api/v1/redemptions", Map.of("code", code, "orderId", orderId, "redeemedAt", at.toString()));
    assertThat(response.status()).as(response.text()).isEqualTo(201);
  }

  private JsonNode statistics(long setId, String query) {
    var response = api.get("/api/v1/coupon-sets/" + setId + "/statistics?" + query);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return response.json();
  }

  private static List<List<Long>> buckets(JsonNode stats) {
    List<List<Long>> rows = new ArrayList<>();
    for (JsonNode item : stats.get("items")) {
      rows.add(List.of(item.get("assigned").asLong(), item.get("sent").asLong(), item.get("redeemed").asLong()));
    }
    return rows;
  }

  @Test
  void aSeriesOverSimulatedDaysGivesExactHourlyAndDailyBucketsAndConversionAndAReleaseTakesBackItsHour() {
    long setId = createMultipleSet("series", 10, "new-each-time").get("id").asLong();
    long a1 = assignAt(setId, "c1", null, 7L, DAY1.plus(Duration.parse("PT10H15M")));
    long a2 = assignAt(setId, "c2", null, 7L, DAY1.plus(Duration.parse("PT10H40M")));
    long a3 = assignAt(setId, "c3", null, null, DAY1.plus(Duration.parse("PT10H59M59S")));
    String code1 = sentAt(a1, DAY1.plus(Duration.parse("PT11H30M")));
    sentAt(a2, DAY1.plus(Duration.parse("PT11H45M")));
    clock.set(DAY1.plus(Duration.parse("PT12H")));
    assertThat(api.post("/api/v1/assignments/" + a3 + "/release", "").status()).isEqualTo(200);
    redeemAt(code1, "o-1", DAY1.plus(Duration.parse("P1DT9H")));
    long a4 = assignAt(setId, "c4", null, null, DAY1.plus(Duration.parse("P2DT23H59M")));
    String code4 = sentAt(a4, DAY1.plus(Duration.parse("P2DT23H59M")));
    redeemAt(code4, "o-4", DAY1.plus(Duration.parse("P2DT23H59M30S")));

    JsonNode hours = statistics(setId, "interval=hour&from=2031-03-01T10:00:00Z&to=2031-03-01T13:00:00Z");
    assertThat(hours.get("items").get(0).get("start").asString()).isEqualTo("2031-03-01T10:00:00Z");
    assertThat(buckets(hours)).containsExactly(List.of(2L, 0L, 0L), List.of(0L, 2L, 0L), List.of(0L, 0L, 0L));

    JsonNode days = statistics(setId, "interval=day&from=2031-03-01&to=2031-03-05");
    assertThat(days.get("items").get(1).get("start").asString()).isEqualTo("2031-03-02T00:00:00Z");
    assertThat(buckets(days)).containsExactly(
        List.of(2L, 2L, 0L), List.of(0L, 0L, 1L), List.of(1L, 1L, 1L), List.of(0L, 0L, 0L));
    JsonNode summary = days.get("summary");
    // c3's code was released: assigned counts codes still held, in the hour they were given
    assertThat(summary.get("assigned").asLong()).isEqualTo(3);
    assertThat(summary.get("sent").asLong()).isEqualTo(3);
    assertThat(summary.get("redeemed").asLong()).isEqualTo(2);
    // conversion = redeemed / assigned
    assertThat(summary.get("conversion").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    // 21.5 hours for the first redemption, 30 seconds for the second
    assertThat(summary.get("medianSecondsSentToRedeemed").asDouble()).isEqualTo((77_400 + 30) / 2.0);

    JsonNode workflows = days.get("workflows");
    assertThat(workflows).hasSize(2);
    JsonNode seven = workflows.get(0).get("workflowId").isNull() ? workflows.get(1) : workflows.get(0);
    assertThat(seven.get("workflowId").asLong()).isEqualTo(7);
    assertThat(seven.get("assigned").asLong()).isEqualTo(2);
    assertThat(seven.get("redeemed").asLong()).isEqualTo(1);
    assertThat(buckets(statistics(setId, "interval=day&from=2031-03-01&to=2031-03-04&workflowId=7")))
        .containsExactly(List.of(2L, 2L, 0L), List.of(0L, 0L, 1L), List.of(0L, 0L, 0L));

    compactor.compact(Instant.parse("2031-04-01T00:00:00Z"));
    for (String table : List.of("stat_hour", "stat_day")) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE coupon_set_id = ? AND stripe > 0").param(setId)
          .query(Long.class).single()).isZero();
    }
    assertThat(buckets(statistics(setId, "interval=hour&from=2031-03-01T10:00:00Z&to=2031-03-01T13:00:00Z")))
        .containsExactly(List.of(2L, 0L, 0L), List.of(0L, 2L, 0L), List.of(0L, 0L, 0L));
    assertThat(buckets(statistics(setId, "interval=day&from=2031-03-01&to=2031-03-05"))).containsExactly(
        List.of(2L, 2L, 0L), List.of(0L, 0L, 1L), List.of(1L, 1L, 1L), List.of(0L, 0L, 0L));
  }

  @Test
  void aChildSetHasItsOwnSeries() {
    long setId = createMultipleSet("children", 2).get("id").asLong();
    long childId = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", "vip")).json()
        .get("id").asLong();
    addCodes(setId, childId, codeValues(unique("VIP"), 2));
    Instant at = DAY1.plus(Duration.ofDays(10));
    assignAt(setId, "v1", childId, null, at);
    assignAt(setId, "p1", null, null, at);
    assignAt(setId, "p2", null, null, at);

    String window = "interval=day&from=2031-03-11&to=2031-03-12";
    assertThat(buckets(statistics(setId, window))).containsExactly(List.of(3L, 0L, 0L));
    assertThat(buckets(statistics(setId, window + "&childSetId=" + childId))).containsExactly(List.of(1L, 0L, 0L));
    JsonNode children = statistics(setId, window).get("childSets");
    assertThat(children).anySatisfy(c -> {
      assertThat(c.get("name").asString()).isEqualTo("vip");
      assertThat(c.get("assigned").asLong()).isEqualTo(1);
    });
  }

  @Test
  void theForecastDividesWhatIsLeftByTheRecentAssignmentRate() {
    long setId = createMultipleSet("forecast", 20, "new-each-time").get("id").asLong();
    Instant now = Instant.parse("2031-06-15T12:00:00Z");
    for (int i = 0; i < 14; i++) {
      assignAt(setId, "f" + i, null, null, now.minus(Duration.ofHours(6 + i * 11)));
    }
    assignAt(setId, "too-old", null, null, now.minus(Duration.ofDays(8)));
    clock.set(now);
    JsonNode forecast = api.get("/api/v1/coupon-sets/" + setId + "/forecast").json();
    assertThat(forecast.get("available").asLong()).isEqualTo(5);
    assertThat(forecast.get("assignedPerDay").asDouble()).isEqualTo(2.0);
    assertThat(forecast.get("daysLeft").asDouble()).isEqualTo(2.5);
    assertThat(forecast.get("runsOutAt").asString()).isEqualTo("2031-06-18T00:00:00Z");
  }

  @Test
  void badParametersAreProblems() {
    long setId = createMultipleSet("bad-params", 0).get("id").asLong();
    assertThat(api.get("/api/v1/coupon-sets/" + setId + "/statistics?interval=week").status()).isEqualTo(400);
    assertThat(api.get("/api/v1/coupon-sets/" + setId + "/statistics?from=yesterday").status()).isEqualTo(400);
    assertThat(api.get("/api/v1/coupon-sets/" + setId + "/statistics?interval=hour&from=2020-01-01&to=2031-01-01")
        .status()).isEqualTo(400);
    assertThat(api.get("/api/v1/coupon-sets/999999999/statistics").status()).isEqualTo(404);
    JsonNode empty = statistics(setId, "interval=day&from=2031-01-01&to=2031-01-03");
    assertThat(buckets(empty)).containsExactly(List.of(0L, 0L, 0L), List.of(0L, 0L, 0L));
    assertThat(empty.get("summary").get("conversion").isNull()).isTrue();
  }
}
