package io.couponflow.alert;

import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {
  private static final String COLUMNS = """
      r.id, r.coupon_set_id, r.kind, r.threshold, r.email, r.created_at, s.firing, s.observed, s.fired_count,
      s.last_fired_at""";

  /** A firing's email, or its webhook event to one subscription ({@code eventId}; its status lives with the webhook). */
  record Delivery(long id, long alertId, long couponSetId, String channel, String target, Long webhookId,
      String eventId, String payload, String status, int attempts, String lastError, Instant createdAt,
      Instant updatedAt) {}

  private final JdbcClient jdbc;

  AlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long couponSetId, AlertKind kind, double threshold, String email, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO alert_rule (coupon_set_id, kind, threshold, email, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(couponSetId, kind.wire(), threshold, email, Timestamps.bind(now)).update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("INSERT INTO alert_state (alert_id, firing, fired_count, changed_at) VALUES (?, FALSE, 0, ?)")
        .params(id, Timestamps.bind(now)).update();
    return id;
  }

  List<Alert> forSet(long couponSetId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rule r JOIN alert_state s ON s.alert_id = r.id"
        + " WHERE r.coupon_set_id = ? ORDER BY r.id").param(couponSetId).query(this::map).list();
  }

  List<Long> setsWithAlerts() {
    return jdbc.sql("SELECT DISTINCT coupon_set_id FROM alert_rule ORDER BY coupon_set_id").query(Long.class).list();
  }

  /** The rule with its state row locked: concurrent evaluations of one rule take turns. */
  Optional<Alert> lock(long alertId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rule r JOIN alert_state s ON s.alert_id = r.id"
        + " WHERE r.id = ? FOR UPDATE").param(alertId).query(this::map).optional();
  }

  void setState(long alertId, boolean firing, Double observed, boolean fired, Instant now) {
    jdbc.sql("""
            UPDATE alert_state SET firing = ?, observed = ?, changed_at = ?,
                   fired_count = fired_count + ?, last_fired_at = CASE WHEN ? THEN ? ELSE last_fired_at END
            WHERE alert_id = ?""")
        .params(firing, observed, Timestamps.bind(now), fired ? 1 : 0, fired, Timestamps.bind(now), alertId).update();
  }

  boolean delete(long couponSetId, long alertId) {
    return jdbc.sql("DELETE FROM alert_rule WHERE id = ? AND coupon_set_id = ?").params(alertId, couponSetId)
        .update() == 1;
  }

  long insertDelivery(long alertId, long couponSetId, String channel, String target, Long webhookId, String eventId,
      String payload, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO alert_delivery (alert_id, coupon_set_id, channel, target, webhook_id, event_id, payload, status,
                                        attempts, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)""")
        .params(alertId, couponSetId, channel, target, webhookId, eventId, payload, Timestamps.bind(now),
            Timestamps.bind(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Delivery> delivery(long id) {
    return jdbc.sql("SELECT * FROM alert_delivery WHERE id = ?").param(id).query(this::mapDelivery).optional();
  }

  List<Delivery> deliveries(long alertId) {
    return jdbc.sql("SELECT * FROM alert_delivery WHERE alert_id = ? ORDER BY id").param(alertId)
        .query(this::mapDelivery).list();
  }

  void recordAttempt(long id, String status, String error, Instant now) {
    jdbc.sql("UPDATE alert_delivery SET status = ?, attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?")
        .params(status, error == null ? null : error.substring(0, Math.min(1000, error.length())),
            Timestamps.bind(now), id)
        .update();
  }

  private Alert map(ResultSet rs, int row) throws SQLException {
    double observed = rs.getDouble("observed");
    Double observedOrNull = rs.wasNull() ? null : observed;
    return new Alert(rs.getLong("id"), rs.getLong("coupon_set_id"), AlertKind.fromWire(rs.getString("kind")),
        rs.getDouble("threshold"), rs.getString("email"), rs.getBoolean("firing"), observedOrNull,
        rs.getLong("fired_count"), Timestamps.read(rs, "last_fired_at"), Timestamps.read(rs, "created_at"));
  }

  private Delivery mapDelivery(ResultSet rs, int row) throws SQLException {
    return new Delivery(rs.getLong("id"), rs.getLong("alert_id"), rs.getLong("coupon_set_id"), rs.getString("channel"),
        rs.getString("target"), rs.getObject("webhook_id", Long.class), rs.getString("event_id"), rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"), rs.getString("last_error"), Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "updated_at"));
  }
}
