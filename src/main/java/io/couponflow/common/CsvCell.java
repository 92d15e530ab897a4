package io.couponflow.common;

/** Quotes a CSV cell when it needs it (RFC 4180). Values are written exactly, so exports re-import. */
public final class CsvCell {
  private CsvCell() {}

  public static String of(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r") || value.contains(";")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
