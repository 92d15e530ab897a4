package io.couponflow.importing;

import io.couponflow.code.CodeRules;
import io.couponflow.common.ApiException;
import java.math.BigInteger;
import java.util.Random;

/**
 * A pattern of generated codes: {@code #} is a digit, {@code ?} a letter or digit from the
 * unambiguous alphabet {@value #ALPHABET} (no I, O, 0, 1), anything else is literal, e.g.
 * {@code BF-####-????}.
 */
public record CodePattern(String text) {
  public static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  public static final long MAX_COUNT = 20_000_000;
  /** A pattern must offer this many times the codes asked for, or most draws would collide. */
  public static final int HEADROOM = 10;

  /** Checks the text: a code the rules accept (1 to 64 characters, no whitespace or control characters). */
  public static CodePattern parse(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("pattern", "pattern is required, e.g. BF-####-????");
    }
    if (CodeRules.check(text) != null) {
      throw ApiException.invalid("pattern", "pattern must be 1 to " + CodeRules.MAX_LENGTH
          + " characters without spaces or control characters, e.g. BF-####-????");
    }
    return new CodePattern(text);
  }

  /** How many different codes the pattern can make (10 per #, 32 per ?). */
  public BigInteger combinations() {
    int digits = 0;
    int symbols = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '#') {
        digits++;
      } else if (text.charAt(i) == '?') {
        symbols++;
      }
    }
    return BigInteger.TEN.pow(digits).multiply(BigInteger.valueOf(ALPHABET.length()).pow(symbols));
  }

  /** 422 pattern-too-small unless the pattern has at least {@link #HEADROOM} times {@code count} combinations. */
  public void requireRoomFor(long count) {
    BigInteger needed = BigInteger.valueOf(count).multiply(BigInteger.valueOf(HEADROOM));
    if (combinations().compareTo(needed) < 0) {
      throw ApiException.unprocessable("pattern-too-small", "Pattern too small",
          "The pattern '" + text + "' makes " + combinations() + " different codes; " + count
              + " codes need at least " + needed + " (" + HEADROOM + " times as many) so that random codes rarely"
              + " collide. Add # (10 choices) or ? (32 choices) to the pattern");
    }
  }

  /**
   * One code, drawing from {@code random} bytes: a ? takes 5 bits of a byte (32 choices, uniform),
   * a # a byte below 250 (rejection keeps the 10 digits uniform).
   */
  String generate(RandomBytes random) {
    char[] code = text.toCharArray();
    for (int i = 0; i < code.length; i++) {
      if (code[i] == '?') {
        code[i] = ALPHABET.charAt(random.next() & 31);
      } else if (code[i] == '#') {
        int b;
        do {
          b = random.next();
        } while (b >= 250);
        code[i] = (char) ('0' + b % 10);
      }
    }
    return new String(code);
  }

  /** Random bytes read from a generator in blocks (a CSPRNG call per code would be the bottleneck). */
  static final class RandomBytes {
    private final Random source;
    private final byte[] block = new byte[1 << 14];
    private int next = block.length;

    RandomBytes(Random source) {
      this.source = source;
    }

    int next() {
      if (next == block.length) {
        source.nextBytes(block);
        next = 0;
      }
      return block[next++] & 0xFF;
    }
  }
}
