package io.couponflow.code;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CodeRulesTest {

  @Test
  void acceptsTypicalShopCodes() {
    assertThat(CodeRules.check("SUMMER-10")).isNull();
    assertThat(CodeRules.check("welcome_15%")).isNull();
    assertThat(CodeRules.check("ÉTÉ2026")).isNull();
    assertThat(CodeRules.check("x".repeat(64))).isNull();
  }

  @Test
  void rejectsLongAndSpacedAndControlCharacters() {
    assertThat(CodeRules.check("x".repeat(65))).isEqualTo(RejectReason.TOO_LONG);
    assertThat(CodeRules.check("A B")).isEqualTo(RejectReason.INVALID);
    assertThat(CodeRules.check("A\tB")).isEqualTo(RejectReason.INVALID);
    assertThat(CodeRules.check("A\u00a0B")).isEqualTo(RejectReason.INVALID);
    assertThat(CodeRules.check("A\u0000B")).isEqualTo(RejectReason.INVALID);
    assertThat(CodeRules.check("A\u200bB")).isEqualTo(RejectReason.INVALID);
    assertThat(CodeRules.check("A\uFFFDB")).as("a replacement character means broken encoding").isEqualTo(RejectReason.INVALID);
  }

  @Test
  void countsCharactersNotUtf16Units() {
    assertThat(CodeRules.check("😀".repeat(64))).isNull();
    assertThat(CodeRules.check("😀".repeat(65))).isEqualTo(RejectReason.TOO_LONG);
  }

  @Test
  void trimsUnicodeSpaces() {
    assertThat(CodeRules.trim("\u2003 CODE1 \t")).isEqualTo("CODE1");
    assertThat(CodeRules.trim(null)).isEmpty();
  }

  @Property
  void codesDifferingOnlyInCaseShareOneKey(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 64) String code) {
    assertThat(CodeRules.keyOf(code.toLowerCase())).isEqualTo(CodeRules.keyOf(code.toUpperCase()));
    assertThat(CodeRules.keyOf(CodeRules.keyOf(code))).isEqualTo(CodeRules.keyOf(code));
    assertThat(CodeRules.check(code)).isNull();
  }

  /** The rule as written in DESIGN.md, code point by code point: the ASCII fast path must agree with it. */
  private static RejectReason byTheRule(String value) {
    if (value.codePointCount(0, value.length()) > CodeRules.MAX_LENGTH) {
      return RejectReason.TOO_LONG;
    }
    return value.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
        || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
        || Character.getType(cp) == Character.SURROGATE || cp == 0xFFFD) ? RejectReason.INVALID : null;
  }

  @Property(tries = 2000)
  void theFastPathAgreesWithTheRule(@ForAll @StringLength(min = 1, max = 80) String value) {
    assertThat(CodeRules.check(value)).isEqualTo(byTheRule(value));
  }

  @Property(tries = 500)
  void theFastPathAgreesWithTheRuleOnAscii(@ForAll @net.jqwik.api.constraints.CharRange(from = 0, to = 0x7F)
      @StringLength(min = 1, max = 80) String value) {
    assertThat(CodeRules.check(value)).isEqualTo(byTheRule(value));
  }
}
