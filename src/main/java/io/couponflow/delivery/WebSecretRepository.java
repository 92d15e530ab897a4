package io.couponflow.delivery;

import io.couponflow.db.Timestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Generations of the generated web secret; the highest is current. */
@Repository
class WebSecretRepository {
  record Generation(int generation, String secret, Instant createdAt) {}

  private final JdbcClient jdbc;

  WebSecretRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first; only the latest few can still be valid, since each lives a grace period past its successor. */
  List<Generation> latest(int count) {
    return jdbc.sql("SELECT generation, secret, created_at FROM web_secret ORDER BY generation DESC LIMIT ?")
        .param(count)
        .query((rs, n) -> new Generation(rs.getInt("generation"), rs.getString("secret"),
            Timestamps.read(rs, "created_at")))
        .list();
  }

  /** False when that generation exists already: another node, or the same form sent twice, was first. */
  boolean insertOnce(int generation, String secret, Instant now) {
    return jdbc.sql("INSERT INTO web_secret (generation, secret, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .params(generation, secret, Timestamps.bind(now))
        .update() == 1;
  }

  void deleteBelow(int generation) {
    jdbc.sql("DELETE FROM web_secret WHERE generation < ?").param(generation).update();
  }
}
