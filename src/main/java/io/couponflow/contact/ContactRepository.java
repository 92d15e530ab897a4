package io.couponflow.contact;

import io.couponflow.db.MultiRow;
import io.couponflow.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
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

  List<Contact> findAll(Collection<String> ids) {
    List<Contact> found = new ArrayList<>(ids.size());
    for (List<String> chunk : MultiRow.chunks(List.copyOf(ids))) {
      found.addAll(jdbc.sql("SELECT * FROM contact WHERE id IN (:ids)").param("ids", chunk).query(this::map).list());
    }
    return found;
  }

  boolean insert(Contact c) {
    return jdbc.sql("""
            INSERT INTO contact (id, email, first_name, last_name, fields, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(c.id(), c.email(), c.firstName(), c.lastName(), json.writeValueAsString(c.fields()),
            Timestamps.bind(c.createdAt()), Timestamps.bind(c.updatedAt()))
        .update() == 1;
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

  /** Bare contacts for the ids not stored yet, never failing on a race; sorted, so two batches sharing contacts lock them in one order. */
  void insertIfAbsent(Collection<String> ids, Instant now) {
    List<String> sorted = new TreeSet<>(ids).stream().toList();
    for (List<String> chunk : MultiRow.chunks(sorted)) {
      List<Object> params = new ArrayList<>(chunk.size() * 3);
      for (String id : chunk) {
        params.addAll(List.of(id, Timestamps.bind(now), Timestamps.bind(now)));
      }
      jdbc.sql("INSERT INTO contact (id, fields, created_at, updated_at) VALUES "
              + MultiRow.values(chunk.size(), "(?, '{}', ?, ?)") + " ON CONFLICT DO NOTHING")
          .params(params).update();
    }
  }

  /** Stores the events with multi-row inserts; their ids in the order given. */
  List<Long> insertEvents(List<ContactEventRequest> events, Instant at) {
    List<Long> ids = new ArrayList<>(events.size());
    for (List<ContactEventRequest> chunk : MultiRow.chunks(events)) {
      List<Object> params = new ArrayList<>(chunk.size() * 4);
      for (ContactEventRequest e : chunk) {
        params.addAll(List.of(e.contactId(), e.type(), json.writeValueAsString(properties(e)), Timestamps.bind(at)));
      }
      var keys = new GeneratedKeyHolder();
      jdbc.sql("INSERT INTO contact_event (contact_id, type, properties, occurred_at) VALUES "
              + MultiRow.values(chunk.size(), "(?, ?, ?, ?)"))
          .params(params).update(keys, "id");
      ids.addAll(MultiRow.keys(keys, chunk.size()));
    }
    return ids;
  }

  static Map<String, Object> properties(ContactEventRequest e) {
    return e.properties() == null ? Map.of() : e.properties();
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
