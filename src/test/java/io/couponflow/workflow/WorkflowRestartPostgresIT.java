package io.couponflow.workflow;

import io.couponflow.support.FreshPostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

class WorkflowRestartPostgresIT extends WorkflowRestartContract {
  @Override
  protected List<String> freshDatabase() {
    String name = FreshPostgresDatabase.NAME + "_restart";
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/postgres",
        "postgres", ""); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("The PostgreSQL tests need PostgreSQL at " + FreshPostgresDatabase.HOST, e);
    }
    return List.of("jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/" + name, "postgres", "");
  }
}
