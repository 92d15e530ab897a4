package io.couponflow.importing;

import org.apache.commons.csv.CSVFormat;

/**
 * How an import's file is read: a CSV file (delimiter, optional header, quotes per RFC 4180), or a
 * pasted list, one code per line, where quotes and delimiters are part of the code.
 */
record FileLayout(boolean csv, char delimiter, boolean hasHeader) {
  /** NUL never occurs in an accepted file, so a list's lines are never split. */
  private static final char NO_DELIMITER = '\0';

  static FileLayout csv(char delimiter, boolean hasHeader) {
    return new FileLayout(true, delimiter, hasHeader);
  }

  static FileLayout lines() {
    return new FileLayout(false, ',', false);
  }

  CSVFormat format() {
    CSVFormat.Builder builder = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(false);
    if (csv) {
      return builder.setDelimiter(delimiter).get();
    }
    return builder.setDelimiter(NO_DELIMITER).setQuote(null).get();
  }
}
