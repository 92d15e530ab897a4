package io.couponflow.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class DialectConfig {
  @Bean
  SqlDialect sqlDialect(DataSource dataSource, JdbcClient jdbc) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return product.toLowerCase().contains("postgres")
          ? new PostgresDialect(jdbc, dataSource) : new H2Dialect(jdbc, dataSource);
    }
  }
}
