package io.couponflow.db;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in the CSV format of PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, as UTF-8 bytes
 * made in one pass: numbers bare, strings bare unless they hold a delimiter, a quote, a line break
 * or a backslash (a line of just {@code \.} would end the data), an empty string quoted (a bare
 * empty field is NULL). A million staged rows used to be a StringBuilder of quoted copies that the
 * driver then encoded again: half of the staging writer's time (measured in docs/benchmarks.md).
 */
final class CopyCsv {
  private byte[] bytes;
  private int length;

  private CopyCsv(int capacity) {
    bytes = new byte[capacity];
  }

  /** The rows' CSV bytes (the array may be longer: see {@link #length()}). */
  static CopyCsv of(List<Object[]> rows) {
    CopyCsv csv = new CopyCsv(Math.max(64, rows.size() * 48));
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          csv.put((byte) ',');
        }
        csv.value(row[i]);
      }
      csv.put((byte) '\n');
    }
    return csv;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  private void value(Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Long || value instanceof Integer) {
      ascii(value.toString());
      return;
    }
    String text = value.toString();
    if (!needsQuotes(text)) {
      text(text);
      return;
    }
    put((byte) '"');
    text(text.replace("\"", "\"\""));
    put((byte) '"');
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  private void text(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return;
      }
    }
    ascii(text);
  }

  private void ascii(String text) {
    room(text.length());
    text.getBytes(0, text.length(), bytes, length);
    length += text.length();
  }

  private void put(byte b) {
    room(1);
    bytes[length++] = b;
  }

  private void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
