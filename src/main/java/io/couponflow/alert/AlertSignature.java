package io.couponflow.alert;

import io.couponflow.common.Hashing;

/** X-Couponflow-Signature: "sha256=" + hex HMAC-SHA256 of the exact body bytes with the webhook's secret. */
public final class AlertSignature {
  public static final String HEADER = "X-Couponflow-Signature";

  private AlertSignature() {}

  public static String sign(String secret, byte[] body) {
    return "sha256=" + Hashing.hmacSha256Hex(secret, body);
  }
}
