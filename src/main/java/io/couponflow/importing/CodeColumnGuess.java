package io.couponflow.importing;

/**
 * What the wizard believes about a file it has not been told about: whether its first row names the
 * columns, and which column holds the codes. {@code column} is 0-based, null when no column looks
 * like codes; {@code confident} says whether to pre-select it or to ask. {@code reason} says why.
 */
public record CodeColumnGuess(boolean hasHeader, Integer column, boolean confident, Reason reason) {

  /** Why a column was picked. */
  public enum Reason {
    /** The header names it as codes ("Code", "Coupon code", "Gutschein", "Cupón", ...). */
    HEADER_NAME,
    /** Its values look like codes (unique, letters and digits, no spaces) and no other column's do. */
    VALUES,
    /** The file has one column. */
    ONLY_COLUMN,
    /** Nothing settles it: the marketer is asked. */
    UNSURE
  }

  static CodeColumnGuess sure(boolean hasHeader, int column, Reason reason) {
    return new CodeColumnGuess(hasHeader, column, true, reason);
  }

  static CodeColumnGuess unsure(boolean hasHeader, Integer candidate) {
    return new CodeColumnGuess(hasHeader, candidate, false, Reason.UNSURE);
  }

  /** The column to pre-select, or null when the marketer should choose. */
  public Integer preselected() {
    return confident ? column : null;
  }
}
