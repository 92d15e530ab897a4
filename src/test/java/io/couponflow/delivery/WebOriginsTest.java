package io.couponflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebOriginsTest {

  @Test
  void originsAreTrimmedLowercasedAndLoseATrailingSlash() {
    var origins = new WebOrigins(new WebProperties("", Duration.ofHours(24),
        List.of(" https://Shop.Example/ ", "", "https://shop.example", "http://127.0.0.1:8081")));
    assertThat(origins.anyOrigin()).isFalse();
    assertThat(origins.allowed()).containsExactly("https://shop.example", "http://127.0.0.1:8081");
  }

  @Test
  void noConfiguredOriginMeansAnyOrigin() {
    var origins = new WebOrigins(new WebProperties(null, Duration.ofHours(24), null));
    assertThat(origins.anyOrigin()).isTrue();
    assertThat(WebCorsConfig.configuration(origins).getAllowedOrigins()).containsExactly("*");
    assertThat(WebCorsConfig.configuration(origins).getAllowCredentials()).isFalse();
  }
}
