package io.couponflow.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.common.Hashing;
import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.TestKeys;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redemptions over HTTP on H2 and PostgreSQL: idempotency, single use, leaked codes, counters. */
abstract class RedemptionContract extends ApiTest {

  private ApiClient.Response redeem(Map<String, Object> body) {
    return api.post("/api/v1/redemptions", body);
  }

  @Test
  void aSingleUseCodeIsRedeemedOncePerOrderAndNeverByASecondOrder() {
    long setId = createMultipleSet("redeem-once", 2).get("id").asLong();
    var assignment = assign(setId, "buyer").json();
    String code = assignment.get("code").asString();

    var first = redeem(Map.of("code", code.toLowerCase(), "orderId", "order-1", "amount", 42.5, "currency", "eur",
        "contactId", "buyer"));
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    assertThat(first.json().get("leaked").asBoolean()).isFalse();
    assertThat(first.json().get("assignmentId").asLong()).isEqualTo(assignment.get("id").asLong());
    assertThat(first.json().get("currency").asString()).isEqualTo("EUR");

    var replay = redeem(Map.of("code", code, "orderId", "order-1"));
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());

    var other = redeem(Map.of("code", code, "orderId", "order-2"));
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().get("type").asString()).endsWith("/code-already-redeemed");

    assertThat(set(setId).get("redeemed").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/assignments/" + assignment.get("id").asLong()).json().get("status").asString())
        .isEqualTo("redeemed");
    assertThat(api.get("/api/v1/coupon-sets/" + setId + "/codes?status=redeemed").json().get("items")).hasSize(1);
  }

  @Test
  void anUnknownCodeIsNotFound() {
    var response = redeem(Map.of("code", unique("NOPE"), "orderId", "order-1"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aCodeNobodyWasGivenIsRecordedAsLeakedAndLeavesThePool() {
    long setId = createMultipleSet("leak", 1).get("id").asLong();
    String code = api.get("/api/v1/coupon-sets/" + setId + "/codes").json().get("items").get(0).get("code").asString();

    var leaked = redeem(Map.of("code", code, "orderId", "order-leak"));
    assertThat(leaked.status()).as(leaked.text()).isEqualTo(201);
    assertThat(leaked.json().get("leaked").asBoolean()).isTrue();
    assertThat(leaked.json().get("assignmentId").isNull()).isTrue();

    var set = set(setId);
    assertThat(set.get("redeemed").asLong()).isZero();
    assertThat(set.get("assigned").asLong()).isZero();
    assertThat(set.get("leaked").asLong()).isEqualTo(1);
    assertThat(set.get("available").asLong()).isZero();
    assertThat(assign(setId, "late-buyer").status()).isEqualTo(409);
  }

  @Test
  void anIndividualSetCountsAContactsOwnUseAsRedeemedAndEveryOtherUseAsLeaked() {
    String code = unique("WELCOME");
    long setId = createSingleSet("welcome-redeem", code, null).get("id").asLong();
    long assignmentId = assign(setId, "fan").json().get("id").asLong();

    assertThat(redeem(Map.of("code", code, "orderId", "a", "contactId", "fan")).json().get("assignmentId").asLong())
        .isEqualTo(assignmentId);
    assertThat(redeem(Map.of("code", code, "orderId", "b")).status()).isEqualTo(201);
    var third = redeem(Map.of("code", code, "orderId", "c", "contactId", "stranger"));
    assertThat(third.status()).isEqualTo(201);
    assertThat(third.json().get("leaked").asBoolean()).isTrue();
    assertThat(third.json().get("leak").asString()).isEqualTo("not-assigned");
    assertThat(redeem(Map.of("code", code, "orderId", "c")).status()).isEqualTo(200);
    var set = set(setId);
    assertThat(set.get("redeemed").asLong()).isEqualTo(1);
    assertThat(set.get("leaked").asLong()).isEqualTo(2);
    assertThat(set.get("assigned").asLong()).isEqualTo(1);
    assertThat(set.get("conversion").asDouble()).isEqualTo(1.0);

    String never = unique("NEVER");
    createSingleSet("never-assigned", never, 10L);
    assertThat(redeem(Map.of("code", never, "orderId", "x")).json().get("leaked").asBoolean()).isTrue();
  }

  @Test
  void aCodeRedeemedByAnotherContactThanItsHolderIsRedeemedAndReportedAsALeak() {
    long setId = createMultipleSet("shared-with-a-friend", 3).get("id").asLong();
    var assignment = assign(setId, "holder").json();
    String code = assignment.get("code").asString();

    var used = redeem(Map.of("code", code, "orderId", "friend-order", "contactId", "friend"));
    assertThat(used.status()).as(used.text()).isEqualTo(201);
    assertThat(used.json().get("leaked").asBoolean()).isFalse();
    assertThat(used.json().get("leak").asString()).isEqualTo("other-contact");
    assertThat(used.json().get("assignedTo").asString()).isEqualTo("holder");

    var set = set(setId);
    assertThat(set.get("redeemed").asLong()).isEqualTo(1);
    assertThat(set.get("redeemedByOthers").asLong()).isEqualTo(1);
    assertThat(set.get("leaked").asLong()).isZero();
    var leaks = api.get("/api/v1/coupon-sets/" + setId + "/leaks").json().get("items");
    assertThat(leaks).hasSize(1);
    assertThat(leaks.get(0).get("kind").asString()).isEqualTo("other-contact");
    assertThat(leaks.get(0).get("assignedTo").asString()).isEqualTo("holder");
    assertThat(leaks.get(0).get("redeemedBy").asString()).isEqualTo("friend");
    assertThat(api.get("/api/v1/coupon-sets/" + setId + "/leaks?kind=sideways").status()).isEqualTo(400);
  }

  @Test
  void aShopifyOrderRedeemsItsDiscountCodesWhenSignedWithTheSharedSecret() {
    long setId = createMultipleSet("shopify", 1).get("id").asLong();
    String code = assign(setId, "shopper").json().get("code").asString();
    String body = """
        {"id": 820982911946154508, "total_price": "199.65", "currency": "USD",
         "discount_codes": [{"code": "%s", "amount": "10.00", "type": "fixed_amount"}, {"code": "UNKNOWN-%s"}]}"""
        .formatted(code, code);

    var signed = shopify(body, sign(body));
    assertThat(signed.status()).as(signed.text()).isEqualTo(200);
    assertThat(signed.json().get("codes").get(0).get("outcome").asString()).isEqualTo("redeemed");
    assertThat(signed.json().get("codes").get(1).get("outcome").asString()).isEqualTo("not-found");
    assertThat(set(setId).get("redeemed").asLong()).isEqualTo(1);
    assertThat(shopify(body, sign(body)).json().get("codes").get(0).get("outcome").asString()).isEqualTo("replayed");

    assertThat(shopify(body, sign(body + " ")).status()).isEqualTo(401);
    assertThat(shopify(body, null).status()).isEqualTo(401);
    assertThat(set(setId).get("redeemed").asLong()).isEqualTo(1);
  }

  @Test
  void aShopifyOrderWithAMalformedTotalPriceOrBodyIs400AndRedeemsNothing() {
    long setId = createMultipleSet("shopify malformed", 1).get("id").asLong();
    String code = assign(setId, "careless shopper").json().get("code").asString();
    for (String price : List.of("\"12,50\"", "\"abc\"", "\"-5.00\"", "\"1e999999999\"", "\"NaN\"", "{}", "[1]")) {
      String body = """
          {"id": 99123, "total_price": %s, "currency": "EUR", "discount_codes": [{"code": "%s"}]}"""
          .formatted(price, code);
      var refused = shopify(body, sign(body));
      assertThat(refused.status()).as(price + ": " + refused.text()).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("total_price");
    }
    String badCurrency = """
        {"id": 99124, "total_price": "10.00", "currency": "EURO", "discount_codes": [{"code": "%s"}]}""".formatted(code);
    assertThat(shopify(badCurrency, sign(badCurrency)).status()).isEqualTo(400);
    String notJson = "{\"id\": 99125, \"discount_codes\": [";
    assertThat(shopify(notJson, sign(notJson)).status()).isEqualTo(400);
    assertThat(set(setId).get("redeemed").asLong()).isZero();
  }

  @Test
  void concurrentRedemptionsOfOneCodeByManyOrdersLetExactlyOneWin() throws Exception {
    long setId = createMultipleSet("race", 1).get("id").asLong();
    String code = assign(setId, "racer").json().get("code").asString();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<ApiClient.Response>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String order = "order-" + (i % 4);
        futures.add(pool.submit(() -> redeem(Map.of("code", code, "orderId", order))));
      }
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var f : futures) {
        statuses.add(f.get().status());
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 409);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(12);
    } finally {
      pool.shutdownNow();
    }
    assertThat(set(setId).get("redeemed").asLong()).isEqualTo(1);
  }

  private ApiClient.Response shopify(String body, String signature) {
    HttpRequest.Builder request = api.request("/webhooks/shopify/orders-create")
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (signature != null) {
      request.header("X-Shopify-Hmac-Sha256", signature);
    }
    return api.send(request);
  }

  private static String sign(String body) {
    return Base64.getEncoder().encodeToString(Hashing.hmacSha256(TestKeys.SHOPIFY_SECRET, body.getBytes(StandardCharsets.UTF_8)));
  }
}
