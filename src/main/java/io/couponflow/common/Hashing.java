package io.couponflow.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256, the only two digests Couponflow uses; text is always UTF-8. */
public final class Hashing {
  private static final HexFormat HEX = HexFormat.of();

  private Hashing() {}

  /** Lowercase hex SHA-256 of the text. */
  public static String sha256Hex(String text) {
    return HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Raw SHA-256 of the bytes. */
  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Raw HMAC-SHA256 of the bytes under the secret's UTF-8 bytes. */
  public static byte[] hmacSha256(String secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  /** Lowercase hex HMAC-SHA256 of the bytes. */
  public static String hmacSha256Hex(String secret, byte[] message) {
    return HEX.formatHex(hmacSha256(secret, message));
  }

  /** Lowercase hex HMAC-SHA256 of the text. */
  public static String hmacSha256Hex(String secret, String message) {
    return hmacSha256Hex(secret, message.getBytes(StandardCharsets.UTF_8));
  }

  /** Compares in time that does not depend on where the texts differ, so a signature can't be guessed byte by byte. */
  public static boolean sameText(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
