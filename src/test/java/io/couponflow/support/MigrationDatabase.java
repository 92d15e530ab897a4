package io.couponflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * A new, empty database of its own for a migration test, on H2 (in memory, PostgreSQL mode, as the
 * app runs it) or PostgreSQL, migrated to any version with the app's own migrations.
 */
public record MigrationDatabase(String url, String user, String vendor) {
  /** A new in-memory H2 database. */
  public static MigrationDatabase h2(String name) {
    return new MigrationDatabase("jdbc:h2:mem:" + name + "_" + System.nanoTime()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "h2");
  }

  /** A PostgreSQL database made (again) for this test. */
  public static MigrationDatabase postgres(String name) throws SQLException {
    String db = FreshPostgresDatabase.NAME + "_" + name;
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/postgres",
        "postgres", ""); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + db);
    }
    return new MigrationDatabase("jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/" + db, "postgres", "postgresql");
  }

  /** Migrates to {@code target} ("latest" for every migration). */
  public void migrateTo(String target) {
    Flyway.configure().dataSource(url, user, "")
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).target(target).load().migrate();
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /** The first column of every row of {@code sql}, as text. */
  public static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
