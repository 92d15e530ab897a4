package io.couponflow.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.importing.CodeColumnGuess.Reason;
import io.couponflow.importing.CodeColumnGuesser.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wizard's guess over files as shops export them. */
class CodeColumnGuesserTest {

  @Test
  void aShopifyDiscountExportHasItsCodeColumnPickedByName() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        Code,Usage Count
        BFCM-7KQ2M9,0
        BFCM-X3PL8D,2
        BFCM-Q9ZT4C,0
        BFCM-M2HW7R,1"""));
    assertThat(guess).isEqualTo(new CodeColumnGuess(true, 0, true, Reason.HEADER_NAME));
  }

  @Test
  void aCodeColumnAfterCustomerEmailsIsPickedByNameNotTheFirstColumn() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        customer,coupon,discount
        anna@example.com,AUT-001X,10%
        ben@example.com,AUT-002Y,10%
        Carla Ltd,AUT-003Z,20%"""));
    assertThat(guess.preselected()).isEqualTo(1);
    assertThat(guess.hasHeader()).isTrue();
  }

  @Test
  void aNamedCodeColumnWithARepeatedCodeIsStillTheCodeColumn() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        customer,coupon
        anna@example.com,AUT-1
        ben@example.com,AUT-2
        fay@example.com,aut-2"""));
    assertThat(guess.preselected()).isEqualTo(1);
  }

  @Test
  void aColumnNamedCodeHoldingRowNumbersIsNotTaken() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        code,voucher text
        1,SPRING-X1K2
        2,SPRING-Q8D1
        3,SPRING-L2P9"""));
    assertThat(guess.preselected()).isEqualTo(1);
  }

  @Test
  void aRowNumberFirstColumnWithoutHeaderIsSkippedForTheCodes() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        1,SUMMER-7F3K2
        2,SUMMER-Q8D1M
        3,SUMMER-L2P9X
        4,SUMMER-W4N7B"""));
    assertThat(guess).isEqualTo(new CodeColumnGuess(false, 1, true, Reason.VALUES));
  }

  @Test
  void aRowNumberColumnNamedHashIsSkippedAndTheVoucherColumnTaken() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        #,Voucher,Valid until
        1,GV8H2K4M,2026-12-31
        2,GV3J9P1Q,2026-12-31
        3,GV7L5T6W,2026-12-31"""));
    assertThat(guess).isEqualTo(new CodeColumnGuess(true, 1, true, Reason.HEADER_NAME));
  }

  @Test
  void aFileWithoutHeaderAndOneColumnIsAllCodes() {
    assertThat(CodeColumnGuesser.guess(csv("WELCOME-A1\nWELCOME-B2\nWELCOME-C3")))
        .isEqualTo(new CodeColumnGuess(false, 0, true, Reason.ONLY_COLUMN));
    assertThat(CodeColumnGuesser.guess(csv("WELCOME-A1")))
        .as("one line that is a code is data, not a header").isEqualTo(new CodeColumnGuess(false, 0, true, Reason.ONLY_COLUMN));
  }

  @Test
  void codesAmongEmailsDatesAndAmountsWithoutHeaderArePickedByTheirValues() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        anna@example.com,2026-11-01,19.90 €,X7K2P9QA
        ben@example.com,2026-11-02,5.00 €,M3N8R2TB
        carla@example.com,2026-11-03,120.00 €,Q9W4E6YC"""));
    assertThat(guess).isEqualTo(new CodeColumnGuess(false, 3, true, Reason.VALUES));
  }

  @Test
  void aSpanishAndAGermanExportAreReadByTheirAccentedHeaders() {
    assertThat(CodeColumnGuesser.guess(csv("""
        Cliente,Cupón,Descuento
        Ana García,VERANO-7F3K,15%
        Luis Pérez,VERANO-Q8D1,15%""")).preselected()).isEqualTo(1);
    assertThat(CodeColumnGuesser.guess(csv("""
        Wert,Gültig bis,Gutschein-Code
        "10,00 €",31.12.2026,WINTER-X2K9
        "10,00 €",31.12.2026,WINTER-P7Q3""")).preselected()).isEqualTo(2);
  }

  @Test
  void twoCodeLikeColumnsWithoutNamesAreAskedAbout() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        ORD-10293,SUMMER-7F3K2
        ORD-10294,SUMMER-Q8D1M
        ORD-10295,SUMMER-L2P9X"""));
    assertThat(guess.confident()).isFalse();
    assertThat(guess.preselected()).isNull();
    assertThat(guess.column()).as("a tie is no hint").isNull();
    assertThat(guess.reason()).isEqualTo(Reason.UNSURE);
  }

  @Test
  void aFileOfNamesAndNumbersOnlyIsAskedAboutWithNoCandidate() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("""
        Customer,Orders
        Anna Smith,3
        Ben Jones,3
        Carla Diaz,1"""));
    assertThat(guess.confident()).isFalse();
    assertThat(guess.column()).isNull();
  }

  @Test
  void headersAboutCodesButNotTheCodesAreNotTakenForTheCodeColumn() {
    assertThat(CodeColumnGuesser.nameScore("Code Used Count")).isZero();
    assertThat(CodeColumnGuesser.nameScore("Usage Count")).isZero();
    assertThat(CodeColumnGuesser.nameScore("Zip code")).isZero();
    assertThat(CodeColumnGuesser.nameScore("Coupon ID")).isZero();
    assertThat(CodeColumnGuesser.nameScore("Country code")).isZero();
    assertThat(CodeColumnGuesser.nameScore("CouponCode")).isEqualTo(3);
    assertThat(CodeColumnGuesser.nameScore("PROMO_CODE")).isEqualTo(3);
    assertThat(CodeColumnGuesser.nameScore("Código promocional")).isEqualTo(3);
    assertThat(CodeColumnGuesser.nameScore("Shopify coupon")).isEqualTo(2);
  }

  @Test
  void aHeaderOnlyFileStillReadsAsAHeader() {
    CodeColumnGuess guess = CodeColumnGuesser.guess(csv("Code,Usage Count"));
    assertThat(guess.hasHeader()).isTrue();
    assertThat(guess.column()).isZero();
  }

  @Test
  void valuesAreToldApart() {
    assertThat(CodeColumnGuesser.kind("anna@example.com")).isEqualTo(Kind.EMAIL);
    assertThat(CodeColumnGuesser.kind("2026-11-29T10:00:00Z")).isEqualTo(Kind.DATE);
    assertThat(CodeColumnGuesser.kind("29/11/2026")).isEqualTo(Kind.DATE);
    assertThat(CodeColumnGuesser.kind("$19.99")).isEqualTo(Kind.MONEY);
    assertThat(CodeColumnGuesser.kind("19,99 €")).isEqualTo(Kind.MONEY);
    assertThat(CodeColumnGuesser.kind("12.5")).isEqualTo(Kind.MONEY);
    assertThat(CodeColumnGuesser.kind("20%")).isEqualTo(Kind.MONEY);
    assertThat(CodeColumnGuesser.kind("42")).isEqualTo(Kind.NUMBER);
    assertThat(CodeColumnGuesser.kind("BF-2026-X7")).isEqualTo(Kind.CODE);
    assertThat(CodeColumnGuesser.kind("WELCOME")).isEqualTo(Kind.LETTERS);
    assertThat(CodeColumnGuesser.kind("Black Friday")).isEqualTo(Kind.WORDS);
    assertThat(CodeColumnGuesser.kind("https://shop.example/discount/X1")).isEqualTo(Kind.OTHER);
    assertThat(CodeColumnGuesser.rowNumbers(List.of("7", "8", "9"))).isTrue();
    assertThat(CodeColumnGuesser.rowNumbers(List.of("7", "9", "8"))).isFalse();
  }

  /** A tiny CSV reader for the fixtures: commas, double quotes around a field that holds one. */
  static List<List<String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    for (String line : text.split("\n")) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (char c : line.toCharArray()) {
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }

  @Test
  void theFixtureReaderKeepsQuotedCommas() {
    assertThat(csv("\"10,00 €\",x")).containsExactly(Arrays.asList("10,00 €", "x"));
  }
}
