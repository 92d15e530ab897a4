package io.couponflow.statistics;

import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hourly rollups: written once per event, read as a handful of rows per hour. */
@Repository
class StatisticsRepository {
  /** Event counts of one hour, or of one child set or workflow over a window. */
  record Row(long key, Instant hour, long assigned, long sent, long redeemed) {}

  private final JdbcClient jdbc;
  private final SqlDialect dialect;
  private final int stripes;

  StatisticsRepository(JdbcClient jdbc, SqlDialect dialect, @Value("${couponflow.statistics.stripes:4}") int stripes) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.stripes = stripes;
  }

  void add(long couponSetId, Instant hour, long childKey, long workflowKey, long assigned, long sent, long redeemed) {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("coupon_set_id", couponSetId);
    keys.put("hour_start", Timestamps.bind(hour));
    keys.put("child_key", childKey);
    keys.put("workflow_key", workflowKey);
    keys.put("stripe", ThreadLocalRandom.current().nextInt(stripes));
    Map<String, Long> deltas = new LinkedHashMap<>();
    deltas.put("assigned", assigned);
    deltas.put("sent", sent);
    deltas.put("redeemed", redeemed);
    dialect.upsertAdd("stat_hour", keys, deltas);
  }

  void addDelay(long couponSetId, Instant redeemedAt, long redemptionId, long childKey, long workflowKey, long seconds) {
    jdbc.sql("""
            INSERT INTO stat_redemption_delay (coupon_set_id, redeemed_at, redemption_id, child_key, workflow_key, seconds)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(couponSetId, Timestamps.bind(redeemedAt), redemptionId, childKey, workflowKey, seconds).update();
  }

  /** Non-empty hours in [from, to), oldest first. */
  List<Row> hourly(long couponSetId, Instant from, Instant to, Long childKey, Long workflowKey) {
    return query("hour_start", couponSetId, from, to, childKey, workflowKey, "hour_start");
  }

  List<Row> byChild(long couponSetId, Instant from, Instant to, Long workflowKey) {
    return query("child_key", couponSetId, from, to, null, workflowKey, "child_key");
  }

  List<Row> byWorkflow(long couponSetId, Instant from, Instant to, Long childKey) {
    return query("workflow_key", couponSetId, from, to, childKey, null, "workflow_key");
  }

  private List<Row> query(String groupBy, long couponSetId, Instant from, Instant to, Long childKey, Long workflowKey,
      String orderBy) {
    String sql = "SELECT " + groupBy + ", SUM(assigned), SUM(sent), SUM(redeemed) FROM stat_hour"
        + " WHERE coupon_set_id = :setId AND hour_start >= :from AND hour_start < :to"
        + (childKey == null ? "" : " AND child_key = :childKey")
        + (workflowKey == null ? "" : " AND workflow_key = :workflowKey")
        + " GROUP BY " + groupBy + " ORDER BY " + orderBy;
    var spec = jdbc.sql(sql).param("setId", couponSetId).param("from", Timestamps.bind(from))
        .param("to", Timestamps.bind(to));
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    if (workflowKey != null) {
      spec = spec.param("workflowKey", workflowKey);
    }
    boolean byHour = groupBy.equals("hour_start");
    List<Row> rows = new ArrayList<>();
    spec.query(rs -> {
      rows.add(new Row(byHour ? 0 : rs.getLong(1), byHour ? Timestamps.read(rs, "hour_start") : null,
          rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    });
    return rows;
  }

  /** Median seconds from sent to redeemed of the redemptions in [from, to); null when there are none. */
  Double medianDelaySeconds(long couponSetId, Instant from, Instant to, Long childKey, Long workflowKey) {
    String sql = "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) FROM stat_redemption_delay"
        + " WHERE coupon_set_id = :setId AND redeemed_at >= :from AND redeemed_at < :to"
        + (childKey == null ? "" : " AND child_key = :childKey")
        + (workflowKey == null ? "" : " AND workflow_key = :workflowKey");
    var spec = jdbc.sql(sql).param("setId", couponSetId).param("from", Timestamps.bind(from))
        .param("to", Timestamps.bind(to));
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    if (workflowKey != null) {
      spec = spec.param("workflowKey", workflowKey);
    }
    return spec.query((rs, n) -> {
      double value = rs.getDouble(1);
      return rs.wasNull() ? null : value;
    }).optional().orElse(null);
  }

  long assignedSince(long couponSetId, Long childKey, Instant since) {
    String sql = "SELECT COALESCE(SUM(assigned), 0) FROM stat_hour WHERE coupon_set_id = :setId AND hour_start >= :since"
        + (childKey == null ? "" : " AND child_key = :childKey");
    var spec = jdbc.sql(sql).param("setId", couponSetId).param("since", Timestamps.bind(since));
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    return spec.query(Long.class).single();
  }

  void deleteSet(long couponSetId) {
    jdbc.sql("DELETE FROM stat_hour WHERE coupon_set_id = ?").param(couponSetId).update();
    jdbc.sql("DELETE FROM stat_redemption_delay WHERE coupon_set_id = ?").param(couponSetId).update();
  }
}
