package io.couponflow.webhook;

import io.couponflow.support.MigrationDatabase;
import java.sql.SQLException;

/** On a PostgreSQL database of its own, made for this test. */
class WebhookMigrationPostgresIT extends WebhookMigrationContract {
  @Override
  MigrationDatabase freshDatabase() throws SQLException {
    return MigrationDatabase.postgres("webhook_migration");
  }
}
