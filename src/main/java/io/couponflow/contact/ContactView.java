package io.couponflow.contact;

import java.time.Instant;
import java.util.Map;

record ContactView(String id, String email, String firstName, String lastName, Map<String, String> fields,
    Instant createdAt, Instant updatedAt) {
  static ContactView of(Contact c) {
    return new ContactView(c.id(), c.email(), c.firstName(), c.lastName(), c.fields(), c.createdAt(), c.updatedAt());
  }
}
