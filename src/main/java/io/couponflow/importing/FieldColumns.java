package io.couponflow.importing;

import io.couponflow.code.CodeFields;
import io.couponflow.common.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an import's file that become fields of each code, with their field names. Chosen
 * by the import's {@code fields} parameter: {@code all} (every column but the code's; the default),
 * {@code none}, or a comma-separated list of header names (or field names).
 */
record FieldColumns(List<Column> columns) {
  static final FieldColumns NONE = new FieldColumns(List.of());

  /** A column of the file (0-based) and the field it fills. */
  record Column(int index, String name) {}

  boolean isEmpty() {
    return columns.isEmpty();
  }

  List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * Resolves the {@code fields} parameter against the file's header. A file without a header has
   * no fields (asking for named ones is an error); more than {@link CodeFields#MAX_FIELDS} → 422.
   */
  static FieldColumns resolve(String spec, boolean hasHeader, List<String> header, int codeColumn) {
    String wanted = spec == null ? "all" : spec.strip();
    if (wanted.isEmpty() || wanted.equalsIgnoreCase("all")) {
      if (!hasHeader) {
        return NONE;
      }
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (i != codeColumn) {
          indexes.add(i);
        }
      }
      if (indexes.size() > CodeFields.MAX_FIELDS) {
        throw ApiException.unprocessable("too-many-fields", "Too many fields",
            "The file has " + indexes.size() + " columns besides the code; a code keeps at most "
                + CodeFields.MAX_FIELDS + " fields. Name the ones to keep with fields=a,b,c (or fields=none)");
      }
      return named(indexes, header);
    }
    if (wanted.equalsIgnoreCase("none")) {
      return NONE;
    }
    if (!hasHeader) {
      throw ApiException.invalid("fields", "fields names header columns; a file without a header has no fields");
    }
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      byName.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
      byName.putIfAbsent(CodeFields.nameOf(header.get(i), "column" + (i + 1)).toLowerCase(Locale.ROOT), i);
    }
    List<Integer> indexes = new ArrayList<>();
    for (String name : wanted.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      Integer index = byName.get(name.strip().toLowerCase(Locale.ROOT));
      if (index == null) {
        throw ApiException.unprocessable("unknown-column", "Unknown column", "The file's header has no column named '"
            + name.strip() + "' (columns: " + String.join(", ", header) + ")");
      }
      if (index == codeColumn) {
        throw ApiException.invalid("fields", "'" + name.strip() + "' is the code column; it cannot be a field as well");
      }
      if (!indexes.contains(index)) {
        indexes.add(index);
      }
    }
    if (indexes.size() > CodeFields.MAX_FIELDS) {
      throw ApiException.unprocessable("too-many-fields", "Too many fields",
          indexes.size() + " fields were named; a code keeps at most " + CodeFields.MAX_FIELDS);
    }
    return named(indexes, header);
  }

  /** Every column but the code's, however many (the wizard lists them and lets the user drop some). */
  static FieldColumns resolveAll(List<String> header, int codeColumn) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (i != codeColumn) {
        indexes.add(i);
      }
    }
    return named(indexes, header);
  }

  private static FieldColumns named(List<Integer> indexes, List<String> header) {
    List<Column> columns = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int index : indexes) {
      String base = CodeFields.nameOf(header.get(index), "column" + (index + 1));
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + n;
      }
      columns.add(new Column(index, name));
    }
    return new FieldColumns(List.copyOf(columns));
  }

  /** As stored on the import: "index=name;index=name", null for none. */
  String encode() {
    if (columns.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (Column c : columns) {
      if (!out.isEmpty()) {
        out.append(';');
      }
      out.append(c.index()).append('=').append(c.name());
    }
    return out.toString();
  }

  static FieldColumns decode(String stored) {
    if (stored == null || stored.isBlank()) {
      return NONE;
    }
    List<Column> columns = new ArrayList<>();
    for (String part : stored.split(";")) {
      int eq = part.indexOf('=');
      columns.add(new Column(Integer.parseInt(part.substring(0, eq)), part.substring(eq + 1)));
    }
    return new FieldColumns(List.copyOf(columns));
  }

  /** The JSON of a record's fields, or null when it has none. */
  String json(CodeFile.Line line) {
    if (columns.isEmpty()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Column c : columns) {
      values.put(c.name(), line.field(c.index()).strip());
    }
    return CodeFields.toJson(values);
  }

  /** The first field of the record whose value is longer than {@link CodeFields#MAX_VALUE}, or null. */
  String tooLong(CodeFile.Line line) {
    for (Column c : columns) {
      String value = line.field(c.index());
      if (value.length() > CodeFields.MAX_VALUE && value.strip().codePointCount(0, value.strip().length()) > CodeFields.MAX_VALUE) {
        return c.name();
      }
    }
    return null;
  }
}
