package io.couponflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"coupon.assigned\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void theHeaderIsStripesSchemeOverTimestampDotBody() {
    // openssl: printf '1700000000.{"id":"evt_1","type":"coupon.assigned"}' | openssl dgst -sha256 -hmac whsec_test
    assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY))
        .isEqualTo("t=1700000000,v1=0e96ccd92cc66b24bba63c720ef5faeea3a20c9ebae418f39a422323fa3966ef");
  }

  @Test
  void aReceiverAcceptsOnlyTheRightSecretBodyAndARecentTimestamp() {
    String header = WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY);
    assertThat(WebhookSignature.verify("whsec_test", header, BODY, 1_700_000_100L, 300)).isTrue();
    assertThat(WebhookSignature.verify("whsec_other", header, BODY, 1_700_000_100L, 300)).isFalse();
    assertThat(WebhookSignature.verify("whsec_test", header, "{}".getBytes(StandardCharsets.UTF_8), 1_700_000_100L,
        300)).isFalse();
    assertThat(WebhookSignature.verify("whsec_test", header, BODY, 1_700_001_000L, 300)).as("too old").isFalse();
    assertThat(WebhookSignature.verify("whsec_test", "v1=abc", BODY, 1_700_000_000L, 300)).isFalse();
  }
}
