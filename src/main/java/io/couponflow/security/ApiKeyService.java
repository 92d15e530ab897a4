package io.couponflow.security;

import io.couponflow.audit.AuditLog;
import io.couponflow.common.ApiException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** API keys for the settings page: the same store and cache the API's key endpoints use. */
@Service
public class ApiKeyService {
  /** A key just created: {@code secret} is shown once and never stored. */
  public record NewApiKey(ApiKey apiKey, String secret) {}

  private final ApiKeyStore store;
  private final ApiKeyAuthenticator authenticator;
  private final AuditLog audit;
  private final Clock clock;

  ApiKeyService(ApiKeyStore store, ApiKeyAuthenticator authenticator, AuditLog audit, Clock clock) {
    this.store = store;
    this.authenticator = authenticator;
    this.audit = audit;
    this.clock = clock;
  }

  public List<ApiKey> list() {
    return store.list();
  }

  public NewApiKey create(String name, ApiKeyScope scope, Integer rateLimitPerSecond) {
    if (name == null || name.isBlank()) {
      throw ApiException.invalid("name", "Give the key a name, e.g. the shop or system that will use it");
    }
    if (name.strip().length() > 200) {
      throw ApiException.invalid("name", "The name can be at most 200 characters");
    }
    var created = store.create(name.strip(), scope, rateLimitPerSecond, ApiKeyStore.newSecret(), clock.instant());
    ApiKey key = created.apiKey();
    audit.record("api-key.created", "api-key", key.id(), "“" + key.name() + "”, " + key.scope().wire() + " scope");
    return new NewApiKey(key, created.secret());
  }

  public void revoke(long id) {
    store.find(id).orElseThrow(() -> ApiException.notFound("API key", id));
    store.revoke(id, clock.instant());
    audit.record("api-key.revoked", "api-key", id, null);
    authenticator.forget();
  }
}
