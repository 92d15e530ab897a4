package io.couponflow.redemption;

import io.couponflow.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
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

  private final RedemptionService service;
  private final String secret;

  ShopifyWebhookController(RedemptionService service, @Value("${couponflow.shopify.webhook-secret:}") String secret) {
    this.service = service;
    this.secret = secret;
  }

  @PostMapping(path = "/webhooks/shopify/orders-create", consumes = "application/json")
  @Operation(summary = "Shopify orders/create webhook (HMAC-verified): redeems the order's discount codes")
  ResponseEntity<Map<String, Object>> ordersCreate(@RequestBody byte[] body,
      @RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String signature) {
    if (secret.isBlank()) {
      throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found",
          "The Shopify webhook is off: set couponflow.shopify.webhook-secret", null);
    }
    if (signature == null || !MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
        signature.strip().getBytes(StandardCharsets.US_ASCII))) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "bad-signature", "Bad signature",
          "X-Shopify-Hmac-Sha256 does not match the body signed with the shared secret", null);
    }
    JsonNode order = JSON.readTree(body);
    String orderId = order.path("id").asString("");
    if (orderId.isBlank()) {
      throw ApiException.invalid("id", "the order has no id");
    }
    BigDecimal amount = order.hasNonNull("total_price") ? new BigDecimal(order.get("total_price").asString()) : null;
    String currency = order.hasNonNull("currency") ? order.get("currency").asString() : null;
    List<String> codes = new ArrayList<>();
    order.path("discount_codes").forEach(discount -> codes.add(discount.path("code").asString("")));
    var results = service.redeemPurchase(orderId, codes, amount, currency, null, null);
    return ResponseEntity.ok(Map.of("orderId", orderId, "codes", results));
  }

  String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
