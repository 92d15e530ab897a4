package io.couponflow.security;

import io.couponflow.web.NameSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the audit log the names of the API keys that acted or were acted on. */
@Component
class ApiKeyNames implements NameSource {
  private final ApiKeyStore store;

  ApiKeyNames(ApiKeyStore store) {
    this.store = store;
  }

  @Override
  public String kind() {
    return "api-key";
  }

  @Override
  public Optional<String> name(String id) {
    try {
      return store.find(Long.parseLong(id)).map(ApiKey::name);
    } catch (NumberFormatException notAKeyId) {
      return Optional.empty();
    }
  }
}
