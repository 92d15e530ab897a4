package io.couponflow.webhook;

import io.couponflow.db.MultiRow;
import io.couponflow.db.SqlDialect;
import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement of the webhook feature: subscriptions, the outbox (deliveries), attempts, run-out marks. */
@Repository
class WebhookRepository {
  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";
  static final String FAILED = "failed";
  /** Lane heads looked at per claim: enough for several workers' claims skipping each other's. */
  static final int HEAD_CANDIDATES = 64;

  record Subscription(long id, String url, String secret, List<String> events, boolean legacySignature,
      Instant createdAt) {}

  /** One outbox row to write: an event for one subscription. */
  record NewDelivery(long subscriptionId, String eventId, String type, long lane, String payload) {}

  record Delivery(long id, long subscriptionId, String eventId, String type, long lane, String payload, String status,
      int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Integer lastDurationMs,
      Instant createdAt, Instant deliveredAt) {}

  record Attempt(long id, long deliveryId, Instant at, Integer statusCode, String error, int durationMs) {}

  /** What one attempt gave: a status code (any) or an error (no answer), and its duration. */
  record Outcome(Integer statusCode, String error, int durationMs) {
    boolean succeeded() {
      return statusCode != null && statusCode / 100 == 2;
    }
  }

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  WebhookRepository(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  long insertSubscription(String url, String secret, List<String> events, boolean legacySignature, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO webhook_subscription (url, secret, events, legacy_signature, created_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(url, secret, String.join(",", events), legacySignature, at(now)).update(keys, "id");
    return keys.getKey().longValue();
  }

  List<Subscription> subscriptions() {
    return jdbc.sql("SELECT * FROM webhook_subscription ORDER BY id").query(this::mapSubscription).list();
  }

  Optional<Subscription> subscription(long id) {
    return jdbc.sql("SELECT * FROM webhook_subscription WHERE id = ?").param(id).query(this::mapSubscription)
        .optional();
  }

  boolean updateSubscription(long id, String url, List<String> events) {
    return jdbc.sql("UPDATE webhook_subscription SET url = ?, events = ? WHERE id = ?")
        .params(url, String.join(",", events), id).update() == 1;
  }

  boolean deleteSubscription(long id) {
    return jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(id).update() == 1;
  }

  /** Each subscription's id and event types, for the subscriber cache. */
  Map<Long, List<String>> eventsBySubscription() {
    Map<Long, List<String>> result = new LinkedHashMap<>();
    jdbc.sql("SELECT id, events FROM webhook_subscription ORDER BY id")
        .query(rs -> {
          result.put(rs.getLong(1), splitEvents(rs.getString(2)));
        });
    return result;
  }

  /** The outbox rows of a change, in the caller's transaction: one multi-row statement (per 500 rows). */
  void insertDeliveries(List<NewDelivery> rows, Instant now) {
    Object stamp = at(now);
    for (List<NewDelivery> chunk : MultiRow.chunks(rows)) {
      List<Object> params = new ArrayList<>(chunk.size() * 7);
      for (NewDelivery row : chunk) {
        params.addAll(Arrays.asList(row.subscriptionId(), row.eventId(), row.type(), row.lane(), row.payload(), stamp,
            stamp));
      }
      jdbc.sql("INSERT INTO webhook_delivery (subscription_id, event_id, event_type, lane, payload, status, attempts,"
              + " next_attempt_at, created_at) VALUES " + MultiRow.values(chunk.size(), "(?, ?, ?, ?, ?, 'pending', 0, ?, ?)"))
          .params(params).update();
    }
  }

  /**
   * Claims up to {@code limit} lanes (a subscription's events of one set) whose first pending
   * delivery is due and not leased, skipping rows other nodes are claiming, and leases those heads
   * until {@code leaseEnd}: while a head is pending and leased nobody else takes its lane, so a
   * set's events go out one after the other. Call inside a transaction. The locking statement
   * checks status, due time and lease again on the locked rows: a head delivered meanwhile is not
   * claimed twice.
   */
  List<Delivery> claimLaneHeads(Instant now, Instant leaseEnd, String node, int limit) {
    List<Long> candidates = dueLaneHeads(now);
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Delivery> heads = jdbc.sql("""
            SELECT * FROM webhook_delivery
            WHERE id IN (:ids) AND status = 'pending' AND next_attempt_at <= :now
              AND (leased_until IS NULL OR leased_until <= :now)
            ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
        .param("ids", candidates).param("now", at(now)).param("limit", limit).query(this::mapDelivery).list();
    if (!heads.isEmpty()) {
      int leased = jdbc.sql("UPDATE webhook_delivery SET leased_until = :lease, leased_by = :node WHERE id IN (:ids)")
          .param("lease", at(leaseEnd)).param("node", node)
          .param("ids", heads.stream().map(Delivery::id).toList()).update();
      if (leased != heads.size()) {
        throw new IllegalStateException("leased " + leased + " of " + heads.size() + " locked deliveries");
      }
    }
    return heads;
  }

  /**
   * The ids of lane heads (each lane's lowest pending id) that are due and not leased, at most
   * {@link #HEAD_CANDIDATES}. PostgreSQL skips from lane to lane through the index (a recursive
   * "loose index scan"): its cost grows with the number of lanes, not with a backlog of millions
   * of events behind a receiver that is down. H2 (one embedded node) groups the pending rows.
   */
  private List<Long> dueLaneHeads(Instant now) {
    String lanes = dialect.isPostgres() ? """
        WITH RECURSIVE lanes (subscription_id, lane) AS (
          (SELECT subscription_id, lane FROM webhook_delivery WHERE status = 'pending'
           ORDER BY subscription_id, lane LIMIT 1)
          UNION ALL
          SELECT n.subscription_id, n.lane FROM lanes l CROSS JOIN LATERAL (
            SELECT p.subscription_id, p.lane FROM webhook_delivery p
            WHERE p.status = 'pending' AND (p.subscription_id, p.lane) > (l.subscription_id, l.lane)
            ORDER BY p.subscription_id, p.lane LIMIT 1) n)
        SELECT h.id FROM lanes l CROSS JOIN LATERAL (
          SELECT d.id, d.next_attempt_at, d.leased_until FROM webhook_delivery d
          WHERE d.status = 'pending' AND d.subscription_id = l.subscription_id AND d.lane = l.lane
          ORDER BY d.id LIMIT 1) h
        WHERE h.next_attempt_at <= :now AND (h.leased_until IS NULL OR h.leased_until <= :now)
        ORDER BY h.id LIMIT :candidates""" : """
        SELECT d.id FROM webhook_delivery d
        WHERE d.id IN (SELECT MIN(p.id) FROM webhook_delivery p WHERE p.status = 'pending'
                       GROUP BY p.subscription_id, p.lane)
          AND d.next_attempt_at <= :now AND (d.leased_until IS NULL OR d.leased_until <= :now)
        ORDER BY d.id LIMIT :candidates""";
    return jdbc.sql(lanes).param("now", at(now)).param("candidates", HEAD_CANDIDATES).query(Long.class).list();
  }

  /** The pending deliveries of a lane after its head, in order: the head's holder sends them next. */
  List<Delivery> laneAfter(Delivery head, int limit) {
    return jdbc.sql("""
            SELECT * FROM webhook_delivery WHERE status = 'pending' AND subscription_id = ? AND lane = ? AND id > ?
            ORDER BY id LIMIT ?""")
        .params(head.subscriptionId(), head.lane(), head.id(), limit).query(this::mapDelivery).list();
  }

  /**
   * Marks deliveries delivered and frees their lane's lease. Only those that had failed before
   * ({@code retried}) get an attempt row: a first-try success is described by the delivery row.
   */
  void recordDelivered(Map<Long, Outcome> delivered, java.util.Set<Long> retried, Instant now) {
    if (delivered.isEmpty()) {
      return;
    }
    List<Map.Entry<Long, Outcome>> rows = List.copyOf(delivered.entrySet());
    for (List<Map.Entry<Long, Outcome>> chunk : MultiRow.chunks(rows)) {
      List<Object> params = new ArrayList<>(chunk.size() * 3 + 1);
      for (Map.Entry<Long, Outcome> row : chunk) {
        params.addAll(Arrays.asList(row.getKey(), row.getValue().statusCode(), row.getValue().durationMs()));
      }
      params.add(at(now));
      // one statement for the lane's run, each row with its own answer (both databases have MERGE)
      jdbc.sql("MERGE INTO webhook_delivery d USING (VALUES "
              + MultiRow.values(chunk.size(), "(CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS INTEGER))")
              + ") AS v (id, status_code, duration_ms) ON d.id = v.id AND d.status = 'pending'"
              + " WHEN MATCHED THEN UPDATE SET status = 'delivered', attempts = d.attempts + 1,"
              + " last_status = v.status_code, last_error = NULL, last_duration_ms = v.duration_ms,"
              + " delivered_at = CAST(? AS TIMESTAMP WITH TIME ZONE), leased_until = NULL")
          .params(params).update();
    }
    Map<Long, Outcome> history = new LinkedHashMap<>();
    delivered.forEach((id, outcome) -> {
      if (retried.contains(id)) {
        history.put(id, outcome);
      }
    });
    insertAttempts(history, now);
  }

  /** A failed attempt: due again at {@code nextAttemptAt}, or failed for good when that is null. */
  void recordFailure(long id, Outcome outcome, Instant nextAttemptAt, Instant now) {
    jdbc.sql("""
            UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
                   last_duration_ms = ?, next_attempt_at = COALESCE(?, next_attempt_at), leased_until = NULL
            WHERE id = ? AND status = 'pending'""")
        .params(nextAttemptAt == null ? FAILED : PENDING, outcome.statusCode(), clip(outcome.error()),
            outcome.durationMs(), at(nextAttemptAt), id)
        .update();
    insertAttempts(Map.of(id, outcome), now);
  }

  /** Gives a lane back untried (the node is stopping). */
  void releaseLease(long headId) {
    jdbc.sql("UPDATE webhook_delivery SET leased_until = NULL WHERE id = ?").param(headId).update();
  }

  private void insertAttempts(Map<Long, Outcome> outcomes, Instant now) {
    if (outcomes.isEmpty()) {
      return;
    }
    List<Map.Entry<Long, Outcome>> rows = List.copyOf(outcomes.entrySet());
    for (List<Map.Entry<Long, Outcome>> chunk : MultiRow.chunks(rows)) {
      List<Object> params = new ArrayList<>(chunk.size() * 5);
      for (Map.Entry<Long, Outcome> row : chunk) {
        params.addAll(Arrays.asList(row.getKey(), at(now), row.getValue().statusCode(),
            clip(row.getValue().error()), row.getValue().durationMs()));
      }
      jdbc.sql("INSERT INTO webhook_attempt (delivery_id, at, status_code, error, duration_ms) VALUES "
          + MultiRow.values(chunk.size(), "(?, ?, ?, ?, ?)")).params(params).update();
    }
  }

  /** A subscription's deliveries, newest first, below {@code beforeId}. */
  List<Delivery> deliveries(long subscriptionId, long beforeId, int limit) {
    return jdbc.sql("SELECT * FROM webhook_delivery WHERE subscription_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
        .params(subscriptionId, beforeId, limit).query(this::mapDelivery).list();
  }

  Optional<Delivery> delivery(long subscriptionId, long deliveryId) {
    return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ? AND subscription_id = ?")
        .params(deliveryId, subscriptionId).query(this::mapDelivery).optional();
  }

  /** The newest delivery of an event to a subscription (a redelivery is newer than the first one). */
  Optional<Delivery> latestOfEvent(long subscriptionId, String eventId) {
    return jdbc.sql("""
            SELECT * FROM webhook_delivery WHERE subscription_id = ? AND event_id = ? ORDER BY id DESC LIMIT 1""")
        .params(subscriptionId, eventId).query(this::mapDelivery).optional();
  }

  List<Attempt> attempts(long deliveryId) {
    return jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id = ? ORDER BY id").param(deliveryId)
        .query((rs, n) -> new Attempt(rs.getLong("id"), rs.getLong("delivery_id"), Timestamps.read(rs, "at"),
            rs.getObject("status_code", Integer.class), rs.getString("error"), rs.getInt("duration_ms")))
        .list();
  }

  /** The same event again, as a new pending delivery at the end of its lane; its id. */
  long redeliver(Delivery delivery, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO webhook_delivery (subscription_id, event_id, event_type, lane, payload, status, attempts,
                                          next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)""")
        .params(delivery.subscriptionId(), delivery.eventId(), delivery.type(), delivery.lane(), delivery.payload(),
            at(now), at(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Counts per status of a subscription's deliveries. */
  Map<String, Long> statusCounts(long subscriptionId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("SELECT status, COUNT(*) FROM webhook_delivery WHERE subscription_id = ? GROUP BY status")
        .param(subscriptionId).query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /** Deletes delivered and failed deliveries (with their attempts) made before {@code cutoff}; how many. */
  int deleteFinishedBefore(Instant cutoff) {
    jdbc.sql("""
            DELETE FROM webhook_attempt WHERE delivery_id IN (
              SELECT id FROM webhook_delivery WHERE status <> 'pending' AND created_at < ?)""")
        .param(at(cutoff)).update();
    return jdbc.sql("DELETE FROM webhook_delivery WHERE status <> 'pending' AND created_at < ?")
        .param(at(cutoff)).update();
  }

  /** Marks a set (child key 0) or child set as announced run out; false when it already was. */
  boolean markRanOut(long couponSetId, long childKey, Instant now) {
    String insert = "INSERT INTO webhook_exhaustion (coupon_set_id, child_key, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    return !jdbc.sql(dialect.returning(insert, "coupon_set_id")).params(couponSetId, childKey, at(now))
        .query(Long.class).list().isEmpty();
  }

  /** The sets handed out codes again: their next run-out is announced. */
  void forgetRanOut(List<Long> couponSetIds) {
    jdbc.sql("DELETE FROM webhook_exhaustion WHERE coupon_set_id IN (:ids)").param("ids", couponSetIds).update();
  }

  /**
   * The databases keep microseconds and round the rest: a delivery due "now" stored from a
   * nanosecond instant could land after that same now (and never be due under a fixed test clock).
   */
  private static Object at(Instant instant) {
    return Timestamps.bind(instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  private static String clip(String text) {
    return text == null ? null : text.substring(0, Math.min(500, text.length()));
  }

  static List<String> splitEvents(String events) {
    return events == null || events.isBlank() ? List.of() : List.of(events.split(","));
  }

  private Subscription mapSubscription(ResultSet rs, int row) throws SQLException {
    return new Subscription(rs.getLong("id"), rs.getString("url"), rs.getString("secret"),
        splitEvents(rs.getString("events")), rs.getBoolean("legacy_signature"), Timestamps.read(rs, "created_at"));
  }

  private Delivery mapDelivery(ResultSet rs, int row) throws SQLException {
    return new Delivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("event_id"),
        rs.getString("event_type"), rs.getLong("lane"), rs.getString("payload"), rs.getString("status"),
        rs.getInt("attempts"), Timestamps.read(rs, "next_attempt_at"), rs.getObject("last_status", Integer.class),
        rs.getString("last_error"), rs.getObject("last_duration_ms", Integer.class), Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "delivered_at"));
  }
}
