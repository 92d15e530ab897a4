package io.couponflow.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public /web/** surface: {@code secret} (COUPONFLOW_WEB_SECRET; blank = generated and kept in the
 * database), how long a rotated secret keeps working, and the origins that may call it (empty = any).
 */
@ConfigurationProperties("couponflow.web")
public record WebProperties(String secret, @DefaultValue("24h") Duration secretGrace, List<String> allowedOrigins) {
  public WebProperties {
    secret = secret == null ? "" : secret.strip();
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }

  boolean secretFromEnvironment() {
    return !secret.isEmpty();
  }
}
