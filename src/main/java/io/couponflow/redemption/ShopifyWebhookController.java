package io.couponflow.redemption;

import io.couponflow.common.ApiException;
import io.couponflow.common.Hashing;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopify's orders/create webhook: each {@code discount_codes[].code} of the order is redeemed with the
 * order id. The raw body is verified against {@code X-Shopify-Hmac-Sha256} (base64 HMAC-SHA256 with the
 * shared secret) before it is parsed. Unknown or already redeemed codes are reported in the answer, not
 * as a failure: Shopify would otherwise retry the order forever.
 */
@RestController
@Tag(name = "Redemptions")
class ShopifyWebhookController {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  // fits the redemption's NUMERIC(19, 4)
  private static final Pattern MONEY = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

  private final RedemptionService service;
  private final String secret;

  ShopifyWebhookController(RedemptionService service, @Value("${couponflow.shopify.webhook-secret:}") String secret) {
    this.service = service;
    this.secret = secret;
  }

  @PostMapping(path = "/webhooks/shopify/orders-create", consumes = "application/json")
  @Operation(summary = "Shopify orders/create webhook (HMAC-verified): redeems the order's discount codes")
  @ProblemResponse(status = 401, type = "bad-signature", when = "X-Shopify-Hmac-Sha256 does not match the body")
  @ProblemResponse(status = 404, type = "not-found", when = "the webhook is off (no COUPONFLOW_SHOPIFY_WEBHOOK_SECRET)")
  ResponseEntity<Map<String, Object>> receiveShopifyOrder(@RequestBody byte[] body,
      @RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String signature) {
    if (secret.isBlank()) {
      throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found",
          "The Shopify webhook is off: set couponflow.shopify.webhook-secret", null);
    }
    if (signature == null || !Hashing.sameText(sign(body), signature.strip())) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "bad-signature", "Bad signature",
          "X-Shopify-Hmac-Sha256 does not match the body signed with the shared secret", null);
    }
    JsonNode order = parse(body);
    String orderId = order.path("id").asString("");
    if (orderId.isBlank()) {
      throw ApiException.invalid("id", "the order has no id");
    }
    BigDecimal amount = order.hasNonNull("total_price") ? amount(order.get("total_price").asString("")) : null;
    String currency = order.hasNonNull("currency") ? currency(order.get("currency").asString("")) : null;
    List<String> codes = new ArrayList<>();
    order.path("discount_codes").forEach(discount -> codes.add(discount.path("code").asString("")));
    var results = service.redeemPurchase(orderId, codes, amount, currency, null, null);
    return ResponseEntity.ok(Map.of("orderId", orderId, "codes", results));
  }

  String sign(byte[] body) {
    return Base64.getEncoder().encodeToString(Hashing.hmacSha256(secret, body));
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode order = JSON.readTree(body);
      if (order == null || !order.isObject()) {
        throw ApiException.invalid("body", "the order must be a JSON object");
      }
      return order;
    } catch (JacksonException e) {
      throw ApiException.invalid("body", "the order is not valid JSON");
    }
  }

  /** Shopify sends money as a decimal string ("59.90"); anything else is refused before a code is touched. */
  private static BigDecimal amount(String text) {
    if (!MONEY.matcher(text).matches()) {
      throw ApiException.invalid("total_price", "total_price must be a decimal amount such as 59.90");
    }
    return new BigDecimal(text);
  }

  private static String currency(String text) {
    if (!CURRENCY.matcher(text).matches()) {
      throw ApiException.invalid("currency", "currency must be a 3-letter ISO 4217 code");
    }
    return text;
  }
}
