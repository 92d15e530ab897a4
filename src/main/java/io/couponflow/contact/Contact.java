package io.couponflow.contact;

import java.time.Instant;
import java.util.Map;

/** A person the shop knows: identified by the shop's own id, with email, names and free fields. */
public record Contact(String id, String email, String firstName, String lastName, Map<String, String> fields,
    Instant createdAt, Instant updatedAt) {

  /** How pages name the contact: first and last name, else the email address, else the shop's id. */
  public String displayName() {
    String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return !full.isEmpty() ? full : email != null && !email.isBlank() ? email : id;
  }

  /** The value of a template's {@code contact.<name>}: a named property or a free field; null when absent. */
  public String field(String name) {
    return switch (name) {
      case "id" -> id;
      case "email" -> email;
      case "firstName" -> firstName;
      case "lastName" -> lastName;
      default -> fields.get(name);
    };
  }
}
