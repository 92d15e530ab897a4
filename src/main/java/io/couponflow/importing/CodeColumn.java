package io.couponflow.importing;

import io.couponflow.common.ApiException;
import java.util.List;
import java.util.Locale;

/** Which field of each record holds the code: a header name (any case), a 1-based index, or the default. */
final class CodeColumn {
  static final String DEFAULT_NAME = "code";

  private CodeColumn() {}

  /**
   * The 0-based index of the code column. {@code firstRecord} is the header when the file has one,
   * otherwise the first data record (to check an index against).
   */
  static int resolve(String spec, boolean hasHeader, List<String> firstRecord) {
    String wanted = spec == null ? "" : spec.strip();
    if (wanted.isEmpty()) {
      return hasHeader ? Math.max(0, indexOfName(firstRecord, DEFAULT_NAME)) : 0;
    }
    if (wanted.chars().allMatch(Character::isDigit)) {
      int index;
      try {
        index = Integer.parseInt(wanted);
      } catch (NumberFormatException e) {
        index = Integer.MAX_VALUE;
      }
      if (index < 1) {
        throw ApiException.invalid("codeColumn", "codeColumn as an index starts at 1");
      }
      if (hasHeader && index > firstRecord.size()) {
        throw unknownColumn("The file's header has " + firstRecord.size() + " columns; there is no column " + index);
      }
      return index - 1;
    }
    if (!hasHeader) {
      throw ApiException.invalid("codeColumn", "Without a header, codeColumn must be a 1-based column index");
    }
    int index = indexOfName(firstRecord, wanted);
    if (index < 0) {
      throw unknownColumn("The file's header has no column named '" + wanted + "' (columns: " + String.join(", ", firstRecord) + ")");
    }
    return index;
  }

  private static int indexOfName(List<String> header, String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  private static ApiException unknownColumn(String detail) {
    return ApiException.unprocessable("unknown-column", "Unknown column", detail);
  }
}
