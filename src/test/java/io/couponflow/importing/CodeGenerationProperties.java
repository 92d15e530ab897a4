package io.couponflow.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.awaitility.Awaitility;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;

/**
 * Generated codes through the running app (the shared context of the subclass's database, reached
 * with Spring's TestContextManager, as jqwik runs outside JUnit Jupiter): for random patterns,
 * counts and codes of the pattern that exist already in another set (in either case), the
 * generated codes match the pattern, never collide, and are exactly as many as asked.
 */
abstract class CodeGenerationProperties {
  private static final String ALPHABET = CodePattern.ALPHABET;

  @LocalServerPort int port;
  private ApiClient api;

  private ApiClient api() {
    if (api == null) {
      try {
        new TestContextManager(getClass()).prepareTestInstance(this);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      api = new ApiClient(port, TestKeys.API_KEY);
    }
    return api;
  }

  /** The variable part of a pattern: 2 to 4 of # and ?, with literal dashes and letters between. */
  @Provide
  Arbitrary<String> shapes() {
    return Arbitraries.of("#", "?", "-", "x", "Z").list().ofMinSize(2).ofMaxSize(6)
        .map(parts -> String.join("", parts))
        .filter(s -> placeholders(s) >= 2 && placeholders(s) <= 3);
  }

  @Property(tries = 8)
  void generatedCodesMatchThePatternNeverCollideAndAreExactlyAsMany(@ForAll("shapes") String shape,
      @ForAll @IntRange(min = 1, max = 100) int percentOfLargest, @ForAll boolean existingInLowerCase) {
    String pattern = "G" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT) + "-" + shape;
    long combinations = new CodePattern(pattern).combinations().longValueExact();
    long count = Math.max(1, Math.min(400, combinations / 10) * percentOfLargest / 100);

    // codes of the same pattern in another set, a quarter of the space at most, spelled in either case
    Random random = new Random(pattern.hashCode());
    Set<String> existingKeys = new HashSet<>();
    List<String> existing = new ArrayList<>();
    for (int i = 0; i < Math.min(combinations / 4, 300); i++) {
      String code = sample(pattern, random);
      if (existingKeys.add(code.toUpperCase(Locale.ROOT))) {
        existing.add(existingInLowerCase ? code.toLowerCase(Locale.ROOT) : code);
      }
    }
    long other = multipleSet();
    assertThat(api().post("/api/v1/coupon-sets/" + other + "/codes", Map.of("codes", existing)).status()).isEqualTo(200);
    long setId = multipleSet();

    var created = api().post("/api/v1/coupon-sets/" + setId + "/generate", Map.of("count", count, "pattern", pattern));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.json().get("type").asString()).isEqualTo("generated");
    JsonNode done = awaitOver(created.json().get("id").asLong());

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("finished");
    assertThat(done.get("success").asLong()).isEqualTo(count);
    assertThat(done.get("errors").asLong()).isZero();
    List<String> codes = codesOf(setId);
    assertThat(codes).hasSize((int) count);
    Pattern shapeOfPattern = regexOf(pattern);
    assertThat(codes).allMatch(code -> shapeOfPattern.matcher(code).matches(), "matches " + shapeOfPattern);
    Set<String> keys = new HashSet<>();
    for (String code : codes) {
      assertThat(keys.add(code.toUpperCase(Locale.ROOT))).as("unique: " + code).isTrue();
      assertThat(existingKeys).as("never an existing code").doesNotContain(code.toUpperCase(Locale.ROOT));
    }
    assertThat(api().get("/api/v1/coupon-sets/" + setId).json().get("available").asLong()).isEqualTo(count);
  }

  @Property(tries = 10)
  void aPatternOneCodeShortOfTenTimesTheCountIsRefusedBeforeAnyWork(@ForAll("shapes") String shape) {
    String pattern = "S-" + shape;
    long combinations = new CodePattern(pattern).combinations().longValueExact();
    long setId = multipleSet();
    long tooMany = combinations / 10 + 1;

    var refused = api().post("/api/v1/coupon-sets/" + setId + "/generate", Map.of("count", tooMany, "pattern", pattern));

    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    assertThat(refused.json().get("type").asString()).endsWith("/pattern-too-small");
    assertThat(api().get("/api/v1/imports?couponSetId=" + setId).json().get("items").isEmpty()).isTrue();
    assertThatRoomIsExact(pattern, combinations);
  }

  @Example
  void countAndPatternAreChecked() {
    long setId = multipleSet();
    var tooMany = api().post("/api/v1/coupon-sets/" + setId + "/generate",
        Map.of("count", 20_000_001, "pattern", "????????????"));
    assertThat(tooMany.status()).isEqualTo(400);
    var blank = api().post("/api/v1/coupon-sets/" + setId + "/generate", Map.of("count", 5, "pattern", "AB ##"));
    assertThat(blank.status()).isEqualTo(400);
    var single = api().post("/api/v1/coupon-sets", Map.of("name", "one", "type", "single", "code",
        "ONE" + UUID.randomUUID().toString().substring(0, 8)));
    var notMultiple = api().post("/api/v1/coupon-sets/" + single.json().get("id").asLong() + "/generate",
        Map.of("count", 5, "pattern", "????????"));
    assertThat(notMultiple.status()).isEqualTo(422);
  }

  /** Exactly ten times the count passes, one more code (ten combinations short) does not. */
  private static void assertThatRoomIsExact(String pattern, long combinations) {
    CodePattern parsed = CodePattern.parse(pattern);
    parsed.requireRoomFor(combinations / 10);
    try {
      parsed.requireRoomFor(combinations / 10 + 1);
      throw new AssertionError("no refusal");
    } catch (io.couponflow.common.ApiException expected) {
      assertThat(expected.slug()).isEqualTo("pattern-too-small");
    }
  }

  private long multipleSet() {
    var created = api().post("/api/v1/coupon-sets", Map.of("name", "gen " + UUID.randomUUID(), "type", "multiple"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private JsonNode awaitOver(long id) {
    JsonNode[] last = new JsonNode[1];
    Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
      last[0] = api().get("/api/v1/imports/" + id).json();
      return List.of("finished", "error", "cancelled").contains(last[0].get("status").asString());
    });
    return last[0];
  }

  private List<String> codesOf(long setId) {
    List<String> codes = new ArrayList<>();
    api().get("/api/v1/coupon-sets/" + setId + "/codes?limit=1000").json().get("items")
        .forEach(item -> codes.add(item.get("code").asString()));
    return codes;
  }

  private static int placeholders(String s) {
    return (int) s.chars().filter(c -> c == '#' || c == '?').count();
  }

  private static String sample(String pattern, Random random) {
    StringBuilder code = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      code.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c == '?' ? ALPHABET.charAt(random.nextInt(32)) : c);
    }
    return code.toString();
  }

  private static Pattern regexOf(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '#' ? "[0-9]" : c == '?' ? "[" + ALPHABET + "]" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }
}
