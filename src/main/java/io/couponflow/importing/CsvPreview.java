package io.couponflow.importing;

import java.util.List;

/**
 * The first rows of a file, for the wizard's column picker. {@code columns} are the header's names
 * (or "Column 1", "Column 2", ... without a header); {@code rows} are the first data rows (empty
 * when the file holds none); {@code guess} says which column likely holds the codes.
 */
public record CsvPreview(char delimiter, boolean hasHeader, List<String> columns, List<List<String>> rows,
    CodeColumnGuess guess) {

  /** The name of the column to pre-select, or null when the marketer should choose. */
  public String preselectedColumn() {
    Integer index = guess.preselected();
    return index == null || index >= columns.size() ? null : columns.get(index);
  }

  /** The name of a column that may hold the codes although the guess is not sure; null when none. */
  public String candidateColumn() {
    Integer index = guess.column();
    return guess.confident() || index == null || index >= columns.size() ? null : columns.get(index);
  }
}
