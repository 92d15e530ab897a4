package io.couponflow.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * At start-up: COUPONFLOW_API_KEY becomes an admin key; COUPONFLOW_ADMIN_PASSWORD becomes the UI
 * admin's password, and without it a first start generates one and prints it once.
 */
@Component
@EnableConfigurationProperties(SecurityProperties.class)
class CredentialsBootstrap implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(CredentialsBootstrap.class);

  private final SecurityProperties properties;
  private final ApiKeyStore keys;
  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;

  CredentialsBootstrap(SecurityProperties properties, ApiKeyStore keys, JdbcClient jdbc, PasswordEncoder encoder,
      Clock clock) {
    this.properties = properties;
    this.keys = keys;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.clock = clock;
  }

  /** Nodes starting together race here: whoever inserts second finds the row and carries on. */
  @Override
  public void run(ApplicationArguments args) {
    try {
      ensureApiKey();
      ensureAdmin();
    } catch (DataIntegrityViolationException anotherNodeWasFirst) {
      ensureApiKey();
      ensureAdmin();
    }
  }

  private void ensureApiKey() {
    String apiKey = properties.apiKey();
    if (apiKey != null && !apiKey.isBlank()) {
      if (keys.existsBySecret(apiKey.strip())) {
        keys.ensureAdmin(apiKey.strip(), clock.instant());
      } else {
        keys.create("bootstrap (COUPONFLOW_API_KEY)", ApiKeyScope.ADMIN, null, apiKey.strip(), clock.instant());
      }
    }
  }

  private void ensureAdmin() {
    String password = properties.adminPassword();
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'admin'").query(Long.class).single() > 0;
    if (password != null && !password.isBlank()) {
      String hash = encoder.encode(password);
      if (exists) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = 'admin'").param(hash).update();
      } else {
        insertAdmin(hash);
      }
    } else if (!exists) {
      byte[] bytes = new byte[12];
      new SecureRandom().nextBytes(bytes);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      insertAdmin(encoder.encode(generated));
      log.warn("\n\n  Couponflow UI user 'admin' was created with the password: {}\n"
          + "  It is shown only this once. Set COUPONFLOW_ADMIN_PASSWORD to choose your own.\n", generated);
    }
  }

  private void insertAdmin(String hash) {
    jdbc.sql("INSERT INTO app_user (username, password_hash, created_at) VALUES ('admin', ?, ?)")
        .params(hash, io.couponflow.db.Timestamps.bind(clock.instant())).update();
  }
}
