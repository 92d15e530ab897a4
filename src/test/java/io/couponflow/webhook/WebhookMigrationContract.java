package io.couponflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migration that turns alert webhooks into coupon-set.alert subscriptions, run on a database
 * holding alert webhooks (one deleted: ids have a gap) and a pending alert delivery: ids and secrets
 * kept, new subscriptions numbered after them, the pending delivery in the outbox.
 */
abstract class WebhookMigrationContract {
  /** A new, empty database. */
  abstract String freshDatabaseUrl() throws SQLException;

  abstract String user();

  abstract String vendor();

  private Flyway flyway(String url, String target) {
    return Flyway.configure().dataSource(url, user(), "")
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor()).target(target).load();
  }

  @Test
  void alertWebhooksBecomeAlertSubscriptionsWithTheirIdsAndSecrets() throws SQLException {
    String url = freshDatabaseUrl();
    flyway(url, "61.1").migrate();
    try (Connection c = DriverManager.getConnection(url, user(), ""); Statement s = c.createStatement()) {
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
    flyway(url, "latest").migrate();
    try (Connection c = DriverManager.getConnection(url, user(), ""); Statement s = c.createStatement()) {
      assertThat(rows(s, "SELECT id || ' ' || url || ' ' || secret || ' ' || events FROM webhook_subscription ORDER BY id"))
          .containsExactly("1 https://ops.example/a secret-of-a-0123456789 coupon-set.alert",
              "3 https://ops.example/c secret-of-c-0123456789 coupon-set.alert");
      s.execute("INSERT INTO webhook_subscription (url, secret, events, created_at)"
          + " VALUES ('https://shop.example/new', 'x', 'coupon.assigned', now())");
      assertThat(rows(s, "SELECT MAX(id) FROM webhook_subscription")).containsExactly("4");
      assertThat(rows(s, "SELECT subscription_id || ' ' || status || ' ' || lane || ' ' || event_type"
          + " FROM webhook_delivery")).containsExactly("3 pending 500 coupon-set.alert");
      String payload = rows(s, "SELECT payload FROM webhook_delivery").get(0);
      assertThat(payload).startsWith("{\"id\":\"evt_alert_").contains("\"type\":\"coupon-set.alert\"")
          .containsPattern("\"at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"")
          .endsWith("\"data\":{\"alertId\":7,\"kind\":\"available-below\"}}");
      assertThat(rows(s, "SELECT COUNT(*) FROM alert_delivery WHERE event_id IS NOT NULL")).containsExactly("2");
    }
  }

  private static java.util.List<String> rows(Statement s, String sql) throws SQLException {
    java.util.List<String> rows = new java.util.ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
