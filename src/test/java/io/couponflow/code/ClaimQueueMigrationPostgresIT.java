package io.couponflow.code;

import io.couponflow.support.FreshPostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** On a PostgreSQL database of its own, made for this test. */
class ClaimQueueMigrationPostgresIT extends ClaimQueueMigrationContract {
  @Override
  String freshDatabaseUrl() throws SQLException {
    String db = FreshPostgresDatabase.NAME + "_claim_queue_migration";
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/postgres",
        "postgres", ""); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + db);
    }
    return "jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/" + db;
  }

  @Override
  String user() {
    return "postgres";
  }

  @Override
  String vendor() {
    return "postgresql";
  }
}
