package io.couponflow.web;

import io.couponflow.common.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Messages per form field, shown next to the field; "form" holds a message about the whole form. */
public final class FormErrors {
  private final Map<String, String> byField = new LinkedHashMap<>();

  public void add(String field, String message) {
    byField.putIfAbsent(field, message);
  }

  /** A service's refusal, placed on its field when it names one of ours, else on the form. */
  public void add(ApiException e, String... formFields) {
    for (String field : formFields) {
      if (field.equals(e.field())) {
        add(field, e.getMessage());
        return;
      }
    }
    if ("code-already-exists".equals(e.slug())) {
      add("code", e.getMessage());
      return;
    }
    add("form", e.getMessage());
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public Map<String, String> asMap() {
    return byField;
  }

  /** A positive whole number, null for blank; anything else is reported on {@code field}. */
  public Long positiveOrNull(String field, String raw, String label) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(raw.strip().replace(",", "").replace("_", ""));
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    add(field, label + " must be a whole number of at least 1, or empty for unlimited");
    return null;
  }

  public void requireName(String name) {
    if (name == null || name.isBlank()) {
      add("name", "Give the set a name your team will recognise, e.g. \"Black Friday 20%\"");
    } else if (name.strip().length() > 200) {
      add("name", "The name can be at most 200 characters");
    }
  }
}
