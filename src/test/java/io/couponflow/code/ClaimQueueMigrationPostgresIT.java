package io.couponflow.code;

import io.couponflow.support.MigrationDatabase;
import java.sql.SQLException;

/** On a PostgreSQL database of its own, made for this test. */
class ClaimQueueMigrationPostgresIT extends ClaimQueueMigrationContract {
  @Override
  MigrationDatabase freshDatabase() throws SQLException {
    return MigrationDatabase.postgres("claim_queue_migration");
  }
}
