package io.couponflow.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couponflow.common.ApiException;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CodePatternTest {
  @Test
  void hashesAreDigitsQuestionMarksTheUnambiguousAlphabetAndTheRestLiteral() {
    CodePattern pattern = CodePattern.parse("BF-##-??");
    assertThat(pattern.combinations()).isEqualTo(BigInteger.valueOf(100 * 32 * 32));
    var random = new CodePattern.RandomBytes(new Random(7));
    for (int i = 0; i < 1000; i++) {
      assertThat(pattern.generate(random)).matches("BF-[0-9]{2}-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{2}");
    }
  }

  @Test
  void tenTimesTheCountIsEnoughAndOneCodeMoreIsRefused() {
    CodePattern pattern = CodePattern.parse("X##");
    pattern.requireRoomFor(10);
    assertThatThrownBy(() -> pattern.requireRoomFor(11)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.slug()).isEqualTo("pattern-too-small"));
    assertThatThrownBy(() -> CodePattern.parse("AB ##")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> CodePattern.parse("#".repeat(65))).isInstanceOf(ApiException.class);
  }

  @Property(tries = 200)
  void enoughDrawsAreAtLeastTheCountAndAboutTheExpectedNumber(@ForAll @LongRange(min = 1, max = 20_000_000) long count) {
    double space = count * 10.0;
    long draws = CodeGenerator.draws(count, space);
    assertThat(draws).isGreaterThanOrEqualTo(count);
    // -N ln(0.9) ≈ 1.0536 n: a little above the expected draws, never double
    assertThat(draws).isLessThan((long) (count * 1.06) + 40);
  }
}
