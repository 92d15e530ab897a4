package io.couponflow.code;

import java.util.Locale;

/**
 * The rules every code obeys, whichever way it arrives: trimmed, 1 to 64 characters, no whitespace
 * or control characters, unique across all sets without regard to case.
 */
public final class CodeRules {
  public static final int MAX_LENGTH = 64;

  private CodeRules() {}

  /** The comparison key: codes that differ only in case are the same code. */
  public static String keyOf(String value) {
    return value.toUpperCase(Locale.ROOT);
  }

  /** Why a trimmed, non-blank value cannot be a code, or null when it can. */
  public static RejectReason check(String value) {
    if (isPrintableAscii(value)) {
      // the common case, a million times per import: no code point or character class lookups
      return value.length() > MAX_LENGTH ? RejectReason.TOO_LONG : null;
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      return RejectReason.TOO_LONG;
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
          || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
          || cp == 0xFFFD) {
        return RejectReason.INVALID;
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  private static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** Trims like the import does: ASCII and Unicode spaces at both ends. */
  public static String trim(String raw) {
    return raw == null ? "" : raw.strip();
  }
}
