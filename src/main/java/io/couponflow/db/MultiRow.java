package io.couponflow.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Multi-row INSERT ... VALUES (...), (...) statements and IN lists, which both databases run: a
 * batch of rows is one statement and one round trip instead of one each. Chunks keep a statement
 * far below PostgreSQL's 65,535 bind parameters.
 */
public final class MultiRow {
  /** Rows per statement. */
  public static final int CHUNK = 500;

  private MultiRow() {}

  public static <T> List<List<T>> chunks(List<T> rows) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += CHUNK) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
    }
    return chunks;
  }

  /** {@code rows} copies of one row's placeholders, e.g. "(?, ?), (?, ?)". */
  public static String values(int rows, String row) {
    return String.join(", ", Collections.nCopies(rows, row));
  }

  /** {@code ?, ?, ?} for an IN list. */
  public static String list(int size) {
    return String.join(", ", Collections.nCopies(size, "?"));
  }

  /**
   * The generated ids of a multi-row insert, in row order: an identity takes its values row by row,
   * so sorting them restores the order whatever order the driver lists them in. Fails loudly when
   * the driver returned fewer.
   */
  public static List<Long> keys(KeyHolder keys, int rows) {
    List<Map<String, Object>> list = keys.getKeyList();
    if (list.size() != rows) {
      throw new IllegalStateException("inserted " + rows + " rows but got " + list.size() + " generated keys");
    }
    List<Long> ids = new ArrayList<>(rows);
    for (Map<String, Object> row : list) {
      ids.add(((Number) row.values().iterator().next()).longValue());
    }
    ids.sort(null);
    return ids;
  }
}
