package io.couponflow.webhook;

import io.couponflow.common.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * Stripe's scheme: {@code Couponflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}
 * under the subscription's secret. The timestamp is signed too, so a receiver can refuse old
 * messages (replays) by comparing {@code t} with its own clock.
 */
public final class WebhookSignature {
  public static final String HEADER = "Couponflow-Signature";
  /** The header of the old alert webhooks, still sent to subscriptions made through that API. */
  public static final String LEGACY_HEADER = "X-Couponflow-Signature";

  private WebhookSignature() {}

  public static String sign(String secret, long unixSeconds, byte[] body) {
    byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return "t=" + unixSeconds + ",v1=" + Hashing.hmacSha256Hex(secret, signed);
  }

  /** What a receiver does: true when the header's v1 matches the body and t is within {@code toleranceSeconds} of now. */
  public static boolean verify(String secret, String header, byte[] body, long nowUnixSeconds, long toleranceSeconds) {
    if (header == null) {
      return false;
    }
    Long t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        try {
          t = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t == null || v1 == null || Math.abs(nowUnixSeconds - t) > toleranceSeconds) {
      return false;
    }
    String expected = sign(secret, t, body);
    return Hashing.sameText(expected.substring(expected.indexOf("v1=") + 3), v1);
  }

  /** The old alert webhooks' value: "sha256=" + hex HMAC-SHA256 of the body. */
  static String legacy(String secret, byte[] body) {
    return "sha256=" + Hashing.hmacSha256Hex(secret, body);
  }
}
