package io.couponflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couponflow.common.ApiException;
import io.couponflow.common.Hashing;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With COUPONFLOW_WEB_SECRET set, that value alone signs, the database is never read, and rotation is refused. */
class WebSecretsTest {
  private final WebSecrets secrets = new WebSecrets(null,
      new WebProperties("  from-the-environment  ", Duration.ofHours(24), List.of()), null, Clock.systemUTC());

  @Test
  void theEnvironmentsSecretVerifiesAndNothingElseDoes() {
    assertThat(secrets.verifies("c-1", Hashing.hmacSha256Hex("from-the-environment", "c-1"))).isTrue();
    assertThat(secrets.verifies("c-2", Hashing.hmacSha256Hex("from-the-environment", "c-1"))).isFalse();
    assertThat(secrets.verifies("c-1", Hashing.hmacSha256Hex("other", "c-1"))).isFalse();
    assertThat(secrets.verifies("c-1", null)).isFalse();
    assertThat(secrets.verifies("c-1", "not hex at all")).isFalse();
  }

  @Test
  void thePageIsToldTheSecretComesFromTheEnvironmentAndRotationIsRefused() {
    var current = secrets.current();
    assertThat(current.fromEnvironment()).isTrue();
    assertThat(current.secret()).isEqualTo("from-the-environment");
    assertThatThrownBy(() -> secrets.rotate(0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("COUPONFLOW_WEB_SECRET");
  }
}
