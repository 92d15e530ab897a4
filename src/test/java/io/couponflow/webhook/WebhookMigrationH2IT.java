package io.couponflow.webhook;

import io.couponflow.support.MigrationDatabase;

/** On an in-memory H2 of its own. */
class WebhookMigrationH2IT extends WebhookMigrationContract {
  @Override
  MigrationDatabase freshDatabase() {
    return MigrationDatabase.h2("webhook_migration");
  }
}
