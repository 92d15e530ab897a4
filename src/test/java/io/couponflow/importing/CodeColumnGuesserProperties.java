package io.couponflow.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The guess over generated exports: codes hidden among the columns shops put next to them. */
class CodeColumnGuesserProperties {

  /** A column next to the codes, with its usual header name and a value for row {@code i}. */
  enum Distractor {
    ROW_NUMBER("Row"), EMAIL("Email"), DATE("Created at"), AMOUNT("Amount"), CUSTOMER("Customer"), USED("Used");

    final String header;

    Distractor(String header) {
      this.header = header;
    }

    String value(int i, long seed) {
      return switch (this) {
        case ROW_NUMBER -> String.valueOf(i + 1);
        case EMAIL -> "customer" + (seed + i) + "@example.com";
        case DATE -> "2026-" + (1 + i % 12) + "-" + (1 + i % 28);
        case AMOUNT -> (5 + i % 40) + "." + (i % 10) + "0";
        case CUSTOMER -> "Anna Smith " + (char) ('A' + i % 26);
        case USED -> i % 3 == 0 ? "yes" : "no";
      };
    }
  }

  record Export(List<Distractor> others, int codeAt, boolean header, String codeHeader, List<String> codes, long seed) {
    List<List<String>> records() {
      List<List<String>> records = new ArrayList<>();
      if (header) {
        List<String> names = new ArrayList<>(others.stream().map(d -> d.header).toList());
        names.add(codeAt, codeHeader);
        records.add(names);
      }
      for (int i = 0; i < codes.size(); i++) {
        List<String> row = new ArrayList<>();
        for (Distractor other : others) {
          row.add(other.value(i, seed));
        }
        row.add(codeAt, codes.get(i));
        records.add(row);
      }
      return records;
    }
  }

  @Property(tries = 300)
  void aColumnOfCodesAmongOtherColumnsIsFoundWithOrWithoutAHeader(@ForAll("exports") Export export) {
    CodeColumnGuess guess = CodeColumnGuesser.guess(export.records());
    assertThat(guess.hasHeader()).as("header").isEqualTo(export.header());
    assertThat(guess.preselected()).as("code column of %s", export.records()).isEqualTo(export.codeAt());
  }

  @Property(tries = 200)
  void rowNumbersAreNeverTakenForCodes(@ForAll @IntRange(min = 0, max = 5000) int start,
      @ForAll @IntRange(min = 2, max = 40) int rows, @ForAll("anyValues") List<String> other, @ForAll boolean header) {
    List<List<String>> records = new ArrayList<>();
    if (header) {
      records.add(List.of("No", "Value"));
    }
    for (int i = 0; i < rows; i++) {
      records.add(List.of(String.valueOf(start + i), other.get(i % other.size())));
    }
    CodeColumnGuess guess = CodeColumnGuesser.guess(records);
    assertThat(Integer.valueOf(0).equals(guess.column())).as("row numbers taken in %s", records).isFalse();
  }

  @Property(tries = 200)
  void codeHeadersAreRecognisedInAnyCaseWithOrWithoutAccentsAndSeparators(
      @ForAll("codeHeaders") String name, @ForAll("spellings") String spelling) {
    String written = switch (spelling) {
      case "upper" -> name.toUpperCase(Locale.ROOT);
      case "lower" -> name.toLowerCase(Locale.ROOT);
      case "snake" -> name.toLowerCase(Locale.ROOT).replace(' ', '_');
      case "kebab" -> name.replace(' ', '-');
      case "plain" -> java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      default -> name;
    };
    assertThat(CodeColumnGuesser.nameScore(written)).as(written).isEqualTo(3);
  }

  @Provide
  Arbitrary<String> codeHeaders() {
    return Arbitraries.of("Code", "Coupon", "Coupon code", "Cupón", "Código promocional", "Voucher", "Promo code",
        "Discount code", "Gutschein", "Gutschein code", "Code promo", "Codice sconto", "Voucher code", "Promo");
  }

  @Provide
  Arbitrary<String> spellings() {
    return Arbitraries.of("as is", "upper", "lower", "snake", "kebab", "plain");
  }

  @Provide
  Arbitrary<List<String>> anyValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(12),
        Arbitraries.integers().between(0, 99).map(String::valueOf))
        .list().ofMinSize(1).ofMaxSize(10);
  }

  @Provide
  Arbitrary<Export> exports() {
    Arbitrary<List<Distractor>> others = Arbitraries.of(Distractor.class).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
    Arbitrary<Integer> rows = Arbitraries.integers().between(2, 30);
    Arbitrary<Integer> length = Arbitraries.integers().between(6, 14);
    Arbitrary<String> codeHeader = Arbitraries.of("code", "Coupon Code", "Voucher", "Promo code", "ref", "Gutschein");
    return Combinators.combine(others, rows, length, codeHeader, Arbitraries.longs().between(0, 1_000_000), Arbitraries.randomValue(r -> r.nextLong()))
        .flatAs((list, n, len, name, seed, codeSeed) -> Arbitraries.integers().between(0, list.size())
            .flatMap(at -> Arbitraries.of(true, false)
                .map(header -> new Export(list, at, header, name, codes(n, len, codeSeed), seed))));
  }

  /** Unique codes of one length, each with letters and digits, from the unambiguous alphabet shops use. */
  private static List<String> codes(int count, int length, long seed) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    java.util.Random random = new java.util.Random(seed);
    List<String> codes = new ArrayList<>();
    while (codes.size() < count) {
      StringBuilder code = new StringBuilder().append((char) ('A' + random.nextInt(26))).append(random.nextInt(10));
      while (code.length() < length) {
        code.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (!codes.contains(code.toString())) {
        codes.add(code.toString());
      }
    }
    return codes;
  }
}
