package io.couponflow.importing;

import io.couponflow.importing.CodeColumnGuess.Reason;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses, from a file's first records, whether its first row names the columns and which column
 * holds the codes: by the header's names (code, coupon, voucher, promo, cupón, gutschein, ... in any
 * case, with or without accents) and by the values (unique, code-like: letters and digits, no
 * spaces, a steady length; not a row number, an email, a date or an amount). Pure: no I/O.
 */
final class CodeColumnGuesser {
  /** Whole header names that say "the codes", after {@link #normalize}. */
  private static final Set<String> CODE_NAMES = Set.of(
      "code", "codes", "coupon", "coupons", "coupon code", "coupon codes", "couponcode", "discount code",
      "discount codes", "discountcode", "voucher", "vouchers", "voucher code", "vouchercode", "promo", "promo code",
      "promocode", "promotion code", "promotional code", "redemption code", "gift code", "unique code", "single use code",
      "cupon", "cupones", "codigo", "codigo cupon", "codigo de cupon", "codigo del cupon", "codigo promocional",
      "codigo de descuento", "cupon de descuento", "cupom", "codigo do cupom",
      "gutschein", "gutscheine", "gutscheincode", "gutschein code", "rabattcode", "rabatt code", "aktionscode",
      "code promo", "code de reduction", "code reduction", "bon de reduction", "coupon de reduction",
      "codice", "codice sconto", "codice promozionale", "codice coupon", "buono", "kortingscode", "waardebon");
  /** Words that make a header name the codes when no other word says it is about something else. */
  private static final Set<String> CODE_WORDS = Set.of(
      "code", "codes", "coupon", "coupons", "couponcode", "voucher", "vouchers", "vouchercode", "promo", "promocode",
      "cupon", "cupones", "cupom", "codigo", "gutschein", "gutscheincode", "rabattcode", "kortingscode", "codice");
  /** Words that make a header about codes something other than the codes: "Usage count", "Zip code", "Coupon ID". */
  private static final Set<String> NOT_CODE_WORDS = Set.of(
      "count", "counts", "used", "usage", "uses", "times", "id", "ids", "zip", "postal", "post", "country", "currency",
      "product", "sku", "type", "date", "status", "amount", "value", "email", "mail", "name", "title", "created",
      "expires", "expiry", "expiration", "limit", "percent", "percentage", "qty", "quantity", "starts", "ends",
      "redeemed", "area", "region", "language", "state", "url", "link");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern DATE = Pattern.compile(
      "\\d{4}-\\d{1,2}-\\d{1,2}([T ].*)?|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}([T ,].*)?|\\d{1,2}:\\d{2}(:\\d{2})?.*");
  private static final Pattern MONEY = Pattern.compile(
      "[-+]?[$€£¥]\\s?\\d[\\d.,\\s]*|[-+]?\\d[\\d.,]*\\s?([$€£¥%]|[A-Z]{3})|[-+]?\\d+[.,]\\d+|\\d{1,3}([.,]\\d{3})+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Set<String> FLAGS = Set.of("true", "false", "yes", "no", "y", "n", "si", "ja", "nein", "oui", "non");

  /** What a single value looks like. */
  enum Kind { CODE, LETTERS, NUMBER, EMAIL, DATE, MONEY, WORDS, OTHER }

  private CodeColumnGuesser() {}

  /** Guesses the header and the code column from the first records of a file, header row included if any. */
  static CodeColumnGuess guess(List<List<String>> records) {
    if (records.isEmpty()) {
      return CodeColumnGuess.unsure(true, null);
    }
    boolean header = firstRowIsHeader(records.get(0), records.subList(1, records.size()));
    return header ? guess(records.get(0), records.subList(1, records.size())) : guess(null, records);
  }

  /** Guesses the code column when the marketer said whether there is a header ({@code header} null: none). */
  static CodeColumnGuess guess(List<String> header, List<List<String>> rows) {
    boolean hasHeader = header != null;
    int width = hasHeader ? header.size() : 0;
    for (List<String> row : rows) {
      width = Math.max(width, row.size());
    }
    if (width == 0) {
      return CodeColumnGuess.unsure(hasHeader, null);
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      int nameScore = hasHeader && i < header.size() ? nameScore(header.get(i)) : 0;
      List<String> values = values(rows, i);
      columns.add(new Column(i, nameScore, valueScore(values), plausible(values)));
    }
    if (width == 1) {
      Column only = columns.get(0);
      return only.values > 0 || only.name > 0
          ? CodeColumnGuess.sure(hasHeader, 0, Reason.ONLY_COLUMN) : CodeColumnGuess.unsure(hasHeader, 0);
    }
    List<Column> named = columns.stream().filter(c -> c.name > 0)
        .sorted(Comparator.comparingInt(Column::name).thenComparingInt(Column::values).reversed()).toList();
    List<Column> namedWithCodes = named.stream().filter(Column::plausible).toList();
    if (!namedWithCodes.isEmpty()) {
      Column top = namedWithCodes.get(0);
      if (namedWithCodes.size() == 1 || top.name > namedWithCodes.get(1).name || top.values > namedWithCodes.get(1).values) {
        return CodeColumnGuess.sure(hasHeader, top.index, Reason.HEADER_NAME);
      }
      return CodeColumnGuess.unsure(hasHeader, top.index);
    }
    List<Column> byValues = columns.stream().sorted(Comparator.comparingInt(Column::values).reversed()).toList();
    Column best = byValues.get(0);
    if (best.values >= STRONG && byValues.get(1).values < STRONG) {
      return CodeColumnGuess.sure(hasHeader, best.index, Reason.VALUES);
    }
    // a hint only when one column stands out; a tie is no hint
    Integer candidate = best.values > byValues.get(1).values ? Integer.valueOf(best.index)
        : named.isEmpty() ? null : named.get(0).index;
    return CodeColumnGuess.unsure(hasHeader, candidate);
  }

  private record Column(int index, int name, int values, boolean plausible) {}

  /** A value score from which a column is taken for codes without asking (letters and digits mixed). */
  private static final int STRONG = 3;

  /** 3: the whole name says codes; 2: a word of it does and none says something else; 0: no. */
  static int nameScore(String header) {
    String name = normalize(header);
    if (name.isEmpty()) {
      return 0;
    }
    if (CODE_NAMES.contains(name)) {
      return 3;
    }
    Set<String> words = new HashSet<>(Arrays.asList(name.split(" ")));
    boolean aboutCodes = words.stream().anyMatch(CODE_WORDS::contains);
    boolean aboutSomethingElse = words.stream().anyMatch(NOT_CODE_WORDS::contains);
    return aboutCodes && !aboutSomethingElse ? 2 : 0;
  }

  /** Lower case ASCII words: accents dropped, camelCase and punctuation split ("CupónCode" → "cupon code"). */
  static String normalize(String header) {
    String text = header == null ? "" : header.strip();
    text = CAMEL.matcher(text).replaceAll(" ");
    text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALNUM.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  static Kind kind(String raw) {
    String v = raw.strip();
    if (v.contains("://") || v.startsWith("www.")) {
      return Kind.OTHER;
    }
    if (EMAIL.matcher(v).matches()) {
      return Kind.EMAIL;
    }
    if (DATE.matcher(v).matches()) {
      return Kind.DATE;
    }
    if (DIGITS.matcher(v).matches()) {
      return Kind.NUMBER;
    }
    if (MONEY.matcher(v).matches()) {
      return Kind.MONEY;
    }
    if (FLAGS.contains(v.toLowerCase(Locale.ROOT))) {
      return Kind.WORDS;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < v.length(); ) {
      int cp = v.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        return Kind.WORDS;
      }
      letter |= Character.isLetter(cp);
      digit |= Character.isDigit(cp);
      i += Character.charCount(cp);
    }
    if (letter && digit) {
      return Kind.CODE;
    }
    return letter ? Kind.LETTERS : Kind.OTHER;
  }

  /**
   * How much a column's values look like codes: 4 letters and digits of a steady length, 3 letters
   * and digits, 2 upper-case words, 1 long numbers or other single words; 0 anything else (row
   * numbers, repeated values, emails, dates, amounts, text with spaces).
   */
  static int valueScore(List<String> values) {
    if (values.isEmpty()) {
      return 0;
    }
    Set<String> distinct = new HashSet<>();
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    int minLength = Integer.MAX_VALUE;
    int maxLength = 0;
    boolean upper = true;
    for (String value : values) {
      distinct.add(value.toUpperCase(Locale.ROOT));
      kinds.merge(kind(value), 1, Integer::sum);
      minLength = Math.min(minLength, value.length());
      maxLength = Math.max(maxLength, value.length());
      upper &= value.equals(value.toUpperCase(Locale.ROOT));
    }
    if (distinct.size() < values.size() * 0.9) {
      return 0;
    }
    Map.Entry<Kind, Integer> dominant = kinds.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    if (dominant.getValue() < values.size() * 0.9) {
      return 0;
    }
    return switch (dominant.getKey()) {
      case CODE -> maxLength - minLength <= 2 ? 4 : 3;
      case LETTERS -> upper && minLength >= 4 ? 2 : 1;
      case NUMBER -> minLength >= 6 && !rowNumbers(values) ? 1 : 0;
      default -> 0;
    };
  }

  /**
   * Whether a column named for codes holds values that can be codes: mostly letters and digits, words
   * or long numbers, repeats allowed (the import reports them); not row numbers, emails, dates, amounts.
   */
  static boolean plausible(List<String> values) {
    if (values.isEmpty()) {
      return true;
    }
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    values.forEach(v -> kinds.merge(kind(v), 1, Integer::sum));
    int codeLike = kinds.getOrDefault(Kind.CODE, 0) + kinds.getOrDefault(Kind.LETTERS, 0)
        + (rowNumbers(values) ? 0 : kinds.getOrDefault(Kind.NUMBER, 0));
    return codeLike >= values.size() * 0.8;
  }

  /** 1, 2, 3... (or counting down): a row number, an internal id. */
  static boolean rowNumbers(List<String> values) {
    if (values.size() < 2) {
      return false;
    }
    try {
      long step = Long.parseLong(values.get(1)) - Long.parseLong(values.get(0));
      if (step != 1 && step != -1) {
        return false;
      }
      for (int i = 2; i < values.size(); i++) {
        if (Long.parseLong(values.get(i)) - Long.parseLong(values.get(i - 1)) != step) {
          return false;
        }
      }
      return true;
    } catch (NumberFormatException tooLong) {
      return false;
    }
  }

  /**
   * A first row is a header when one of its names says codes, or when it differs in kind from the
   * rows below it (names above codes); a first row of the same kinds as the rest is data.
   */
  static boolean firstRowIsHeader(List<String> first, List<List<String>> rest) {
    if (first.stream().anyMatch(name -> nameScore(name) > 0)) {
      return true;
    }
    if (rest.isEmpty()) {
      // one line: data when it holds a code (a lone upper-case word such as WELCOME counts as one)
      boolean lone = first.size() == 1 && kind(first.get(0)) == Kind.LETTERS && first.get(0).strip().length() >= 4
          && first.get(0).strip().equals(first.get(0).strip().toUpperCase(Locale.ROOT));
      return !lone && first.stream().noneMatch(v -> kind(v) == Kind.CODE || kind(v) == Kind.NUMBER && v.strip().length() >= 6);
    }
    for (int i = 0; i < first.size(); i++) {
      List<String> below = values(rest, i);
      String cell = first.get(i).strip();
      if (below.isEmpty()) {
        continue;
      }
      Kind usual = dominantKind(below);
      if (cell.isEmpty() || kind(cell) != usual) {
        return true;
      }
    }
    return false;
  }

  private static Kind dominantKind(List<String> values) {
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    values.forEach(v -> kinds.merge(kind(v), 1, Integer::sum));
    return kinds.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** The non-blank, trimmed values of column {@code index}. */
  private static List<String> values(List<List<String>> rows, int index) {
    List<String> values = new ArrayList<>();
    for (List<String> row : rows) {
      if (index < row.size() && !row.get(index).isBlank()) {
        values.add(row.get(index).strip());
      }
    }
    return values;
  }
}
