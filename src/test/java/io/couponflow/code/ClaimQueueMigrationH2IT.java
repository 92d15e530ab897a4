package io.couponflow.code;

import io.couponflow.support.MigrationDatabase;

/** On an in-memory H2 of its own. */
class ClaimQueueMigrationH2IT extends ClaimQueueMigrationContract {
  @Override
  MigrationDatabase freshDatabase() {
    return MigrationDatabase.h2("claim_queue_migration");
  }
}
