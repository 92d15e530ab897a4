package io.couponflow.delivery;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Which browser origins may read /web/**: the configured ones, or any origin when none are configured. */
@Component
public class WebOrigins {
  private volatile List<String> allowed;

  WebOrigins(WebProperties properties) {
    this.allowed = normalise(properties.allowedOrigins());
  }

  /** True when no origin is configured: the snippet may run on any site (the behaviour before the setting). */
  public boolean anyOrigin() {
    return allowed.isEmpty();
  }

  /** The configured origins, normalised: lowercase, no trailing slash. */
  public List<String> allowed() {
    return allowed;
  }

  /** Changes the list while running, so the shared test context can try both modes. */
  void replace(List<String> origins) {
    this.allowed = normalise(origins);
  }

  static List<String> normalise(List<String> origins) {
    return origins.stream()
        .map(String::strip)
        .filter(o -> !o.isEmpty())
        .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
        .map(o -> o.toLowerCase(Locale.ROOT))
        .distinct()
        .toList();
  }
}
