package io.couponflow.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiTest;
import io.couponflow.support.SettableClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Expired codes and sets are never assigned, and are counted as expired once swept. */
abstract class ExpiryContract extends ApiTest {
  private static final String PAST = "2020-01-01T00:00:00Z";

  @Autowired
  ExpirySweeper sweeper;

  @Autowired
  SettableClock clock;

  private void addExpiring(long setId, String code, String expiresAt) {
    var response = api.post("/api/v1/coupon-sets/" + setId + "/codes", Map.of("codes", List.of(code), "expiresAt", expiresAt));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
  }

  @Test
  void anExpiredCodeIsSkippedAtAssignmentAndCountedAsExpired() {
    long setId = createMultipleSet("expiring-codes", 0).get("id").asLong();
    String expired = unique("OLD");
    String fresh = unique("FRESH");
    String later = unique("LATER");
    addExpiring(setId, expired, PAST);
    addCodes(setId, null, List.of(fresh));
    addExpiring(setId, later, "2099-01-01T00:00:00Z");

    List<String> given = List.of(assign(setId, "e1").json().get("code").asString(),
        assign(setId, "e2").json().get("code").asString());
    assertThat(given).containsExactlyInAnyOrder(fresh, later);
    var none = assign(setId, "e3");
    assertThat(none.status()).isEqualTo(409);
    assertThat(none.json().get("type").asString()).endsWith("/coupon-set-exhausted");

    assertThat(sweeper.sweep(clock.instant())).isGreaterThanOrEqualTo(1);
    var set = set(setId);
    assertThat(set.get("total").asLong()).isEqualTo(3);
    assertThat(set.get("expired").asLong()).isEqualTo(1);
    assertThat(set.get("available").asLong()).isZero();
    var listed = api.get("/api/v1/coupon-sets/" + setId + "/codes?status=expired").json().get("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("code").asString()).isEqualTo(expired);
    assertThat(sweeper.sweep(clock.instant())).isZero();
    assertThat(set(setId).get("expired").asLong()).isEqualTo(1);
  }

  @Test
  void anExpiredSetGivesNothingMoreAndItsFreeCodesCountAsExpired() {
    long setId = createMultipleSet("expiring-set", 3).get("id").asLong();
    assertThat(assign(setId, "before").status()).isEqualTo(201);
    var patched = api.patch("/api/v1/coupon-sets/" + setId, Map.of("expiresAt", PAST));
    assertThat(patched.status()).as(patched.text()).isEqualTo(200);
    assertThat(patched.json().get("expiresAt").asString()).isEqualTo(PAST);

    var refused = assign(setId, "after");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).endsWith("/coupon-set-expired");
    sweeper.sweep(clock.instant());
    var set = set(setId);
    assertThat(set.get("expired").asLong()).isEqualTo(2);
    assertThat(set.get("assigned").asLong()).isEqualTo(1);
    assertThat(set.get("available").asLong()).isZero();

    Map<String, Object> clear = new HashMap<>();
    clear.put("expiresAt", null);
    assertThat(api.patch("/api/v1/coupon-sets/" + setId, clear).json().get("expiresAt").isNull()).isTrue();
  }

  @Test
  void anExpiredIndividualSetRefusesAssignments() {
    var created = api.post("/api/v1/coupon-sets", Map.of("name", "old-welcome", "type", "single",
        "code", unique("OLDWELCOME"), "expiresAt", PAST));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(assign(created.json().get("id").asLong(), "late").json().get("type").asString())
        .endsWith("/coupon-set-expired");
  }
}
