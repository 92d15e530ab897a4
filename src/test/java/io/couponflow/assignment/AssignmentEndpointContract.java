package io.couponflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assignment endpoint answers ahead of Spring's chain (AssignmentEndpoint): every answer of the
 * contract stays as it was, whether the endpoint gives it or hands the call to the chain.
 */
abstract class AssignmentEndpointContract extends ApiTest {

  private String path(long setId) {
    return "/api/v1/coupon-sets/" + setId + "/assignments";
  }

  @Test
  void aNewContactGets201WithTheContractsFieldsAndTheApisHeaders() {
    long setId = createMultipleSet(unique("endpoint"), 2).get("id").asLong();

    var made = assign(setId, "endpoint-contact");

    assertThat(made.status()).as(made.text()).isEqualTo(201);
    assertThat(made.contentType()).startsWith("application/json");
    assertThat(made.json().get("couponSetId").asLong()).isEqualTo(setId);
    assertThat(made.json().get("contactId").asString()).isEqualTo("endpoint-contact");
    assertThat(made.json().get("code").asString()).isNotBlank();
    assertThat(made.json().get("status").asString()).isEqualTo("assigned");
    assertThat(made.json().get("assignedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(made.json().get("reused").asBoolean()).isFalse();
    assertThat(made.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(made.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(made.headers().firstValue("RateLimit-Limit")).isPresent();
    var read = api.get("/api/v1/assignments/" + made.json().get("id").asLong());
    assertThat(read.json().get("code").asString()).isEqualTo(made.json().get("code").asString());
  }

  @Test
  void anIdempotentReplayAnswers200WithTheFirstCode() {
    long setId = createMultipleSet(unique("replay"), 3).get("id").asLong();
    Map<String, String> key = Map.of("Idempotency-Key", unique("key"));

    var first = api.post(path(setId), Map.of("contactId", "replayed"), key);
    var again = api.post(path(setId), Map.of("contactId", "replayed"), key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("code").asString()).isEqualTo(first.json().get("code").asString());
    assertThat(again.json().get("reused").asBoolean()).isTrue();
  }

  @Test
  void problemsOfTheServiceComeAsProblemJsonWithTheCallAsInstance() {
    long setId = createMultipleSet(unique("exhausted"), 1).get("id").asLong();
    assertThat(assign(setId, "first").status()).isEqualTo(201);

    var exhausted = assign(setId, "second");
    var unknown = api.post(path(999_999_999L), Map.of("contactId", "x"));

    assertThat(exhausted.status()).isEqualTo(409);
    assertThat(exhausted.contentType()).startsWith("application/problem+json");
    assertThat(exhausted.json().get("type").asString()).endsWith("/coupon-set-exhausted");
    assertThat(exhausted.json().get("instance").asString()).isEqualTo(path(setId));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asString()).isNotBlank();
  }

  @Test
  void callsItDoesNotTakeGetTheChainsAnswers() {
    long setId = createMultipleSet(unique("handed-on"), 2).get("id").asLong();

    var blank = api.post(path(setId), Map.of("contactId", ""));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("contactId");
    var tooLong = api.post(path(setId), Map.of("contactId", "x".repeat(201)));
    assertThat(tooLong.status()).isEqualTo(400);
    var notJson = api.postRaw(path(setId), "{\"contactId\": ", "application/json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("type").asString()).endsWith("/malformed-request");
    var unknownField = api.post(path(setId), Map.of("contactId", "x", "colour", "red"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().get("detail").asString()).contains("colour");
    var noKey = api.withKey(null).post(path(setId), Map.of("contactId", "x"));
    assertThat(noKey.status()).isEqualTo(401);
    assertThat(noKey.headers().firstValue("WWW-Authenticate")).hasValue("apiKey");
    String reader = api.post("/api/v1/api-keys", Map.of("name", unique("reader"), "scope", "read")).json().get("key").asString();
    assertThat(api.withKey(reader).post(path(setId), Map.of("contactId", "x")).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/coupon-sets/abc/assignments", Map.of("contactId", "x")).status()).isEqualTo(400);
    assertThat(api.get(path(setId)).status()).isEqualTo(405);

    assertThat(set(setId).get("assigned").asLong()).as("none of these assigned a code").isZero();
  }

  @Test
  void aKeyOverItsOwnLimitGets429WithRetryAfterAndNoCode() {
    long setId = createMultipleSet(unique("limited"), 10).get("id").asLong();
    String slow = api.post("/api/v1/api-keys", Map.of("name", unique("slow"), "scope", "write", "rateLimitPerSecond", 1))
        .json().get("key").asString();
    ApiClient shop = api.withKey(slow);

    int created = 0;
    ApiClient.Response limited = null;
    for (int i = 0; i < 10 && limited == null; i++) {
      var answer = shop.post(path(setId), Map.of("contactId", "limited-" + i));
      if (answer.status() == 429) {
        limited = answer;
      } else {
        assertThat(answer.status()).isEqualTo(201);
        created++;
      }
    }

    assertThat(limited).as("a key of 1 request per second is refused within 10 quick calls").isNotNull();
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
    assertThat(set(setId).get("assigned").asLong()).isEqualTo(created);
  }

  @Test
  void answersAreCountedInTheirOwnMetric() {
    long setId = createMultipleSet(unique("metered"), 1).get("id").asLong();
    assign(setId, "metered");

    assertThat(api.withKey(null).get("/actuator/prometheus").text().lines()
        .filter(l -> l.startsWith("couponflow_assignment_requests_seconds_count"))
        .filter(l -> l.contains("status=\"201\"")))
        .isNotEmpty();
  }
}
