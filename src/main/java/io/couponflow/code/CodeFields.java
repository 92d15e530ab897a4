package io.couponflow.code;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields a code carries (its value, expiry, minimum order...): names and values as a marketer
 * imported them, stored as one JSON object per code (NULL when it has none). The rules: at most
 * {@link #MAX_FIELDS} fields, values of at most {@link #MAX_VALUE} characters, names that are
 * identifiers (a header that is not one becomes its lowerCamelCase ASCII form).
 */
public final class CodeFields {
  public static final int MAX_FIELDS = 20;
  public static final int MAX_VALUE = 256;
  public static final int MAX_NAME = 64;
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

  private CodeFields() {}

  /** Whether {@code name} may be a field's name as it is. */
  public static boolean isName(String name) {
    return name != null && name.length() <= MAX_NAME && NAME.matcher(name).matches();
  }

  /**
   * A header's field name: the header when it is an identifier, else its lowerCamelCase ASCII form
   * ({@code Code Used Count} → {@code codeUsedCount}, {@code Fecha de caducidad} →
   * {@code fechaDeCaducidad}); {@code fallback} when nothing of it is left.
   */
  public static String nameOf(String header, String fallback) {
    String h = header == null ? "" : header.strip();
    if (isName(h)) {
      return h;
    }
    String ascii = MARKS.matcher(Normalizer.normalize(h, Normalizer.Form.NFD)).replaceAll("");
    StringBuilder name = new StringBuilder();
    for (String word : ascii.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (name.isEmpty()) {
        name.append(word.toLowerCase(java.util.Locale.ROOT));
      } else {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (name.isEmpty()) {
      return fallback;
    }
    if (!Character.isLetter(name.charAt(0))) {
      name.insert(0, "field");
    }
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name.toString();
  }

  /** The JSON object of the fields, or null when there are none (blank values are left out). */
  public static String toJson(Map<String, String> fields) {
    if (fields == null || fields.isEmpty()) {
      return null;
    }
    StringBuilder json = null;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getValue() == null || field.getValue().isBlank()) {
        continue;
      }
      json = json == null ? new StringBuilder(64).append('{') : json.append(',');
      quote(json, field.getKey());
      json.append(':');
      quote(json, field.getValue());
    }
    return json == null ? null : json.append('}').toString();
  }

  /** The fields stored as {@code json}; empty for null. */
  public static Map<String, String> fromJson(String json) {
    if (json == null || json.isEmpty()) {
      return Collections.emptyMap();
    }
    return Collections.unmodifiableMap(JSON.readValue(json, MAP));
  }

  /** Appends a JSON string (per RFC 8259: quote, backslash and control characters escaped). */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
