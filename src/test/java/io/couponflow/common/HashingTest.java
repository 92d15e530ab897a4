package io.couponflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Known answers from FIPS 180-2 and RFC 4231, so the helper computes what every other language computes. */
class HashingTest {

  @Test
  void sha256HexMatchesTheStandardsTestVector() {
    assertThat(Hashing.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Hashing.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void hmacSha256HexMatchesRfc4231TestCase2() {
    assertThat(Hashing.hmacSha256Hex("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void theBytesAndTheTextFormsAgreeAndTextIsReadAsUtf8() {
    String contact = "señor-ü-100";
    assertThat(Hashing.hmacSha256Hex("secret", contact))
        .isEqualTo(Hashing.hmacSha256Hex("secret", contact.getBytes(StandardCharsets.UTF_8)));
    assertThat(Hashing.hmacSha256Hex("secret", contact)).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void theRawHmacIsWhatShopifyBase64Encodes() {
    byte[] raw = Hashing.hmacSha256("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getEncoder().encodeToString(raw)).isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
  }

  @Test
  void aDifferentSecretOrMessageGivesADifferentSignature() {
    String signature = Hashing.hmacSha256Hex("secret", "c-100");
    assertThat(Hashing.hmacSha256Hex("secret2", "c-100")).isNotEqualTo(signature);
    assertThat(Hashing.hmacSha256Hex("secret", "c-101")).isNotEqualTo(signature);
  }

  @Test
  void sameTextIsTrueOnlyForEqualNonNullTexts() {
    assertThat(Hashing.sameText("abc", "abc")).isTrue();
    assertThat(Hashing.sameText("abc", "abd")).isFalse();
    assertThat(Hashing.sameText("abc", "ab")).isFalse();
    assertThat(Hashing.sameText("abc", null)).isFalse();
    assertThat(Hashing.sameText(null, null)).isFalse();
  }
}
