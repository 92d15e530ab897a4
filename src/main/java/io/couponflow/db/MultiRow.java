package io.couponflow.db;

import java.util.Collections;

/** Placeholders of a multi-row VALUES list, so a batch is one statement instead of one per row. */
public final class MultiRow {
  private MultiRow() {}

  /** {@code (?, ?), (?, ?)} for rows × columns; the caller passes the values row by row. */
  public static String values(int rows, int columns) {
    String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    return String.join(", ", Collections.nCopies(rows, row));
  }

  /** {@code ?, ?, ?} for an IN list. */
  public static String list(int size) {
    return String.join(", ", Collections.nCopies(size, "?"));
  }
}
