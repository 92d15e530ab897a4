package io.couponflow.contact;

import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ContactRepository {
  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ContactRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<Contact> find(String id) {
    return jdbc.sql("SELECT * FROM contact WHERE id = ?").param(id).query(this::map).optional();
  }

  boolean insert(Contact c) {
    return jdbc.sql("""
            INSERT INTO contact (id, email, first_name, last_name, fields, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(c.id(), c.email(), c.firstName(), c.lastName(), json.writeValueAsString(c.fields()),
            Timestamps.bind(c.createdAt()), Timestamps.bind(c.updatedAt()))
        .update() == 1;
  }

  /** Creates a bare contact unless it exists; never fails on a race, so the transaction stays usable. */
  void insertIfAbsent(String id, Instant now) {
    jdbc.sql("""
            INSERT INTO contact (id, fields, created_at, updated_at) VALUES (?, '{}', ?, ?) ON CONFLICT DO NOTHING""")
        .params(id, Timestamps.bind(now), Timestamps.bind(now)).update();
  }

  void update(Contact c) {
    int updated = jdbc.sql("""
            UPDATE contact SET email = ?, first_name = ?, last_name = ?, fields = ?, updated_at = ? WHERE id = ?""")
        .params(c.email(), c.firstName(), c.lastName(), json.writeValueAsString(c.fields()),
            Timestamps.bind(c.updatedAt()), c.id())
        .update();
    if (updated != 1) {
      throw new IllegalStateException("contact " + c.id() + " vanished during update");
    }
  }

  /** Contacts whose id, email or name contains the text, by id. */
  List<Contact> search(String text, String afterId, int limit) {
    String like = text == null || text.isBlank() ? "%"
        : "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.sql("""
            SELECT * FROM contact
            WHERE (LOWER(id) LIKE :q OR LOWER(COALESCE(email, '')) LIKE :q
                   OR LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) LIKE :q)
              AND id > :after
            ORDER BY id LIMIT :limit""")
        .param("q", like).param("after", afterId == null ? "" : afterId).param("limit", limit)
        .query(this::map).list();
  }

  long insertEvent(String contactId, String type, Map<String, Object> properties, Instant at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO contact_event (contact_id, type, properties, occurred_at) VALUES (?, ?, ?, ?)")
        .params(contactId, type, json.writeValueAsString(properties), Timestamps.bind(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Map<String, Object> readProperties(String text) {
    return json.readValue(text, PROPERTIES);
  }

  private Contact map(ResultSet rs, int row) throws SQLException {
    return new Contact(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
        rs.getString("last_name"), json.readValue(rs.getString("fields"), FIELDS),
        Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
  }
}
