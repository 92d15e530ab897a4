package io.couponflow.statistics;

import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.couponflow.db.TransactionStripe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hourly rollups: written once per event, read as a handful of rows per hour. */
@Repository
class StatisticsRepository {
  /** Event counts of one hour, or of one child set or workflow over a window. */
  record Row(long key, Instant hour, Tally tally) {}

  private final JdbcClient jdbc;
  private final SqlDialect dialect;
  private final int stripes;

  StatisticsRepository(JdbcClient jdbc, SqlDialect dialect, @Value("${couponflow.statistics.stripes:16}") int stripes) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.stripes = stripes;
  }

  /** The two rollup tables and their bucket column: hours for charts by hour, days for longer windows. */
  enum Grain {
    HOUR("stat_hour", "hour_start", ChronoUnit.HOURS),
    DAY("stat_day", "day_start", ChronoUnit.DAYS);

    final String table;
    final String column;
    final ChronoUnit unit;

    Grain(String table, String column, ChronoUnit unit) {
      this.table = table;
      this.column = column;
      this.unit = unit;
    }
  }

  /** Counts one event in its hour and its UTC day, each on a random stripe. */
  void add(long couponSetId, Instant at, long childKey, long workflowKey, Tally delta) {
    int stripe = TransactionStripe.current(stripes);
    List<SqlDialect.UpsertAdd> upserts = new ArrayList<>();
    for (Grain grain : Grain.values()) {
      upserts.add(upsert(grain, couponSetId, at.truncatedTo(grain.unit), childKey, workflowKey, stripe, delta));
    }
    // both grains in one statement on PostgreSQL: one round trip on the assignment hot path
    dialect.upsertAddAll(upserts);
  }

  void addTo(Grain grain, long couponSetId, Instant bucket, long childKey, long workflowKey, int stripe, Tally delta) {
    dialect.upsertAddAll(List.of(upsert(grain, couponSetId, bucket, childKey, workflowKey, stripe, delta)));
  }

  private static SqlDialect.UpsertAdd upsert(Grain grain, long couponSetId, Instant bucket, long childKey,
      long workflowKey, int stripe, Tally delta) {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("coupon_set_id", couponSetId);
    keys.put(grain.column, Timestamps.bind(bucket));
    keys.put("child_key", childKey);
    keys.put("workflow_key", workflowKey);
    keys.put("stripe", stripe);
    Map<String, Long> deltas = new LinkedHashMap<>();
    deltas.put("assigned", delta.assigned());
    deltas.put("sent", delta.sent());
    deltas.put("redeemed", delta.redeemed());
    deltas.put("leaked", delta.leaked());
    deltas.put("redeemed_by_others", delta.redeemedByOthers());
    return new SqlDialect.UpsertAdd(grain.table, keys, deltas);
  }

  /** A striped row of a closed bucket, for folding into stripe 0. */
  record Stripe(long couponSetId, Instant bucket, long childKey, long workflowKey, int stripe, Tally tally) {}

  /** Locks and deletes up to {@code limit} rows with stripe > 0 of buckets before {@code before}. */
  List<Stripe> takeStripes(Grain grain, Instant before, int limit) {
    List<Stripe> rows = jdbc.sql("SELECT coupon_set_id, " + grain.column + ", child_key, workflow_key, stripe, assigned,"
            + " sent, redeemed, leaked, redeemed_by_others FROM " + grain.table + " WHERE stripe > 0 AND " + grain.column + " < ?"
            + " LIMIT ? FOR UPDATE SKIP LOCKED")
        .params(Timestamps.bind(before), limit)
        .query((rs, n) -> new Stripe(rs.getLong(1), Timestamps.read(rs, grain.column), rs.getLong(3), rs.getLong(4),
            rs.getInt(5), new Tally(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10))))
        .list();
    for (Stripe row : rows) {
      jdbc.sql("DELETE FROM " + grain.table + " WHERE coupon_set_id = ? AND " + grain.column
              + " = ? AND child_key = ? AND workflow_key = ? AND stripe = ?")
          .params(row.couponSetId(), Timestamps.bind(row.bucket()), row.childKey(), row.workflowKey(), row.stripe())
          .update();
    }
    return rows;
  }

  void addDelay(long couponSetId, Instant redeemedAt, long redemptionId, long childKey, long workflowKey, long seconds) {
    jdbc.sql("""
            INSERT INTO stat_redemption_delay (coupon_set_id, redeemed_at, redemption_id, child_key, workflow_key, seconds)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(couponSetId, Timestamps.bind(redeemedAt), redemptionId, childKey, workflowKey, seconds).update();
  }

  /** Non-empty buckets in [from, to), oldest first. */
  List<Row> series(Grain grain, long couponSetId, Instant from, Instant to, Long childKey, Long workflowKey) {
    return query(grain, grain.column, couponSetId, from, to, childKey, workflowKey);
  }

  List<Row> byChild(Grain grain, long couponSetId, Instant from, Instant to, Long workflowKey) {
    return query(grain, "child_key", couponSetId, from, to, null, workflowKey);
  }

  List<Row> byWorkflow(Grain grain, long couponSetId, Instant from, Instant to, Long childKey) {
    return query(grain, "workflow_key", couponSetId, from, to, childKey, null);
  }

  private List<Row> query(Grain grain, String groupBy, long couponSetId, Instant from, Instant to, Long childKey,
      Long workflowKey) {
    String sql = "SELECT " + groupBy + ", SUM(assigned), SUM(sent), SUM(redeemed), SUM(leaked),"
        + " SUM(redeemed_by_others) FROM " + grain.table
        + " WHERE coupon_set_id = :setId AND " + grain.column + " >= :from AND " + grain.column + " < :to"
        + (childKey == null ? "" : " AND child_key = :childKey")
        + (workflowKey == null ? "" : " AND workflow_key = :workflowKey")
        + " GROUP BY " + groupBy + " ORDER BY " + groupBy;
    var spec = jdbc.sql(sql).param("setId", couponSetId).param("from", Timestamps.bind(from))
        .param("to", Timestamps.bind(to));
    if (childKey != null) {
      spec = spec.param("childKey", childKey);
    }
    if (workflowKey != null) {
      spec = spec.param("workflowKey", workflowKey);
    }
    boolean byTime = groupBy.equals(grain.column);
    List<Row> rows = new ArrayList<>();
    spec.query(rs -> {
      rows.add(new Row(byTime ? 0 : rs.getLong(1), byTime ? Timestamps.read(rs, grain.column) : null,
          new Tally(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))));
    });
    return rows;
  }

  /**
   * Median seconds from sent to redeemed of the latest {@code sample} redemptions in [from, to) (all of
   * them in most windows; bounded so a year of a busy set still reads a fixed number of rows).
   */
  Double medianDelaySeconds(long couponSetId, Instant from, Instant to, Long childKey, Long workflowKey, int sample) {
    String sql = "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) FROM (SELECT seconds FROM"
        + " stat_redemption_delay WHERE coupon_set_id = :setId AND redeemed_at >= :from AND redeemed_at < :to"
        + (childKey == null ? "" : " AND child_key = :childKey")
        + (workflowKey == null ? "" : " AND workflow_key = :workflowKey")
        + " ORDER BY redeemed_at DESC LIMIT " + sample + ") latest";
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
    jdbc.sql("DELETE FROM stat_day WHERE coupon_set_id = ?").param(couponSetId).update();
    jdbc.sql("DELETE FROM stat_redemption_delay WHERE coupon_set_id = ?").param(couponSetId).update();
  }
}
