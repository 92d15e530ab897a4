package io.couponflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.MigrationDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The migration that turns alert webhooks into coupon-set.alert subscriptions, run on a database
 * holding alert webhooks (one deleted: ids have a gap) and a pending alert delivery: ids and secrets
 * kept, new subscriptions numbered after them, the pending delivery in the outbox.
 */
abstract class WebhookMigrationContract {
  /** A new, empty database. */
  abstract MigrationDatabase freshDatabase() throws SQLException;

  @Test
  void alertWebhooksBecomeAlertSubscriptionsWithTheirIdsAndSecrets() throws SQLException {
    MigrationDatabase db = freshDatabase();
    db.migrateTo("61.1");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO coupon_set (id, name, type, assignment_policy, created_at, updated_at)"
          + " VALUES (500, 'Alerts', 'multiple', 'once-per-contact', now(), now())");
      s.execute("INSERT INTO alert_rule (id, coupon_set_id, kind, threshold, created_at)"
          + " VALUES (7, 500, 'available-below', 10, now())");
      s.execute("INSERT INTO alert_webhook (id, url, secret, created_at) VALUES"
          + " (1, 'https://ops.example/a', 'secret-of-a-0123456789', now()),"
          + " (3, 'https://ops.example/c', 'secret-of-c-0123456789', now())");
      s.execute("INSERT INTO alert_delivery (alert_id, coupon_set_id, channel, target, webhook_id, payload, status,"
          + " attempts, created_at, updated_at) VALUES (7, 500, 'webhook', 'https://ops.example/c', 3,"
          + " '{\"alertId\":7,\"kind\":\"available-below\"}', 'pending', 1, now(), now()),"
          + " (7, 500, 'webhook', 'https://ops.example/a', 1, '{\"alertId\":7}', 'delivered', 1, now(), now())");
    }
    db.migrateTo("latest");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      assertThat(MigrationDatabase.rows(s, "SELECT id || ' ' || url || ' ' || secret || ' ' || events FROM webhook_subscription ORDER BY id"))
          .containsExactly("1 https://ops.example/a secret-of-a-0123456789 coupon-set.alert",
              "3 https://ops.example/c secret-of-c-0123456789 coupon-set.alert");
      s.execute("INSERT INTO webhook_subscription (url, secret, events, created_at)"
          + " VALUES ('https://shop.example/new', 'x', 'coupon.assigned', now())");
      assertThat(MigrationDatabase.rows(s, "SELECT MAX(id) FROM webhook_subscription")).containsExactly("4");
      assertThat(MigrationDatabase.rows(s, "SELECT subscription_id || ' ' || status || ' ' || lane || ' ' || event_type"
          + " FROM webhook_delivery")).containsExactly("3 pending 500 coupon-set.alert");
      String payload = MigrationDatabase.rows(s, "SELECT payload FROM webhook_delivery").get(0);
      assertThat(payload).startsWith("{\"id\":\"evt_alert_").contains("\"type\":\"coupon-set.alert\"")
          .containsPattern("\"at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"")
          .endsWith("\"data\":{\"alertId\":7,\"kind\":\"available-below\"}}");
      assertThat(MigrationDatabase.rows(s, "SELECT COUNT(*) FROM alert_delivery WHERE event_id IS NOT NULL")).containsExactly("2");
    }
  }
}
