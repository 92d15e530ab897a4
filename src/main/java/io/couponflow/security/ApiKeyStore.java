package io.couponflow.security;

import io.couponflow.common.Hashing;
import io.couponflow.db.Timestamps;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** API keys, stored as SHA-256 hashes: the key itself is shown once and never kept. */
@Repository
class ApiKeyStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "id, name, key_prefix, scope, rate_limit_per_second, created_at, last_used_at, revoked_at";

  record Created(ApiKey apiKey, String secret) {}

  private final JdbcClient jdbc;

  ApiKeyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String newSecret() {
    byte[] bytes = new byte[30];
    RANDOM.nextBytes(bytes);
    return "cf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** At most 4 characters, and never more than half of a short key, so the list never shows a whole key. */
  static String shownPrefix(String secret) {
    return secret.substring(0, Math.min(4, secret.length() / 2));
  }

  static String hash(String secret) {
    return Hashing.sha256Hex(secret);
  }

  Created create(String name, ApiKeyScope scope, Integer rateLimitPerSecond, String secret, Instant now) {
    var keys = new GeneratedKeyHolder();
    String prefix = shownPrefix(secret);
    jdbc.sql("INSERT INTO api_key (name, key_hash, key_prefix, scope, rate_limit_per_second, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)")
        .params(name, hash(secret), prefix, scope.wire(), rateLimitPerSecond, Timestamps.bind(now)).update(keys, "id");
    return new Created(new ApiKey(keys.getKey().longValue(), name, prefix, scope, rateLimitPerSecond, now, null, null),
        secret);
  }

  Optional<ApiKey> findActiveBySecret(String secret) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
        .param(hash(secret)).query(this::map).optional();
  }

  boolean existsBySecret(String secret) {
    return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = ?").param(hash(secret)).query(Long.class).single() > 0;
  }

  void ensureAdmin(String secret, Instant now) {
    jdbc.sql("UPDATE api_key SET scope = 'admin', revoked_at = NULL WHERE key_hash = ?").param(hash(secret)).update();
  }

  List<ApiKey> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY id DESC").query(this::map).list();
  }

  Optional<ApiKey> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = ?").param(id).query(this::map).optional();
  }

  void revoke(long id, Instant now) {
    jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(Timestamps.bind(now), id).update();
  }

  void touch(long id, Instant now) {
    jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE id = ?").params(Timestamps.bind(now), id).update();
  }

  private ApiKey map(ResultSet rs, int row) throws SQLException {
    return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
        ApiKeyScope.fromWire(rs.getString("scope")), rs.getObject("rate_limit_per_second", Integer.class),
        Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "last_used_at"), Timestamps.read(rs, "revoked_at"));
  }
}
