package io.couponflow.code;

/** On an in-memory H2 of its own (PostgreSQL mode, as the app runs it). */
class ClaimQueueMigrationH2IT extends ClaimQueueMigrationContract {
  @Override
  String freshDatabaseUrl() {
    return "jdbc:h2:mem:claim_queue_migration_" + System.nanoTime()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  }

  @Override
  String user() {
    return "sa";
  }

  @Override
  String vendor() {
    return "h2";
  }
}
