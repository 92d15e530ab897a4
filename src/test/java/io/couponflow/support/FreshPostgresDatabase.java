package io.couponflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Drops and creates the test database once per JVM, before the first PostgreSQL context starts. */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  public static final String HOST = System.getProperty("couponflow.test.pg", "127.0.0.1:5432");
  /** One database per checkout, so test runs in two work trees never drop each other's data. */
  public static final String NAME = System.getProperty("couponflow.test.db",
      "couponflow_test_" + Integer.toHexString(System.getProperty("user.dir").hashCode()));
  public static final String URL = "jdbc:postgresql://" + HOST + "/" + NAME;
  private static boolean created;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ensureCreated();
    org.springframework.boot.test.util.TestPropertyValues.of("spring.datasource.url=" + URL).applyTo(context);
  }

  public static synchronized void ensureCreated() {
    if (created) {
      return;
    }
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + NAME);
      created = true;
    } catch (SQLException e) {
      throw new IllegalStateException("The PostgreSQL tests need PostgreSQL at " + HOST
          + " (user postgres, trust auth). Start it with: pg_ctlcluster --skip-systemctl-redirect "
          + "$(ls /etc/postgresql) main start", e);
    }
  }
}
