package io.couponflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The API's key check and rate limit for a call answered ahead of Spring Security's filter chain
 * (the assignment endpoint): the same keys, scopes, shared budget and 429 answer as the chain's
 * {@link ApiKeyFilter} and {@link RateLimitFilter}, built from the same pieces. A caller that is not
 * admitted here is handed to the chain, which answers 401 or 403 as for any other call.
 */
@Component
public class ApiGate {
  private final ApiKeyAuthenticator authenticator;
  private final ApiBudget budget;

  ApiGate(ApiKeyAuthenticator authenticator, RateLimitProperties limits, RateLimitStore limitStore) {
    this.authenticator = authenticator;
    this.budget = new ApiBudget(limits, limitStore);
  }

  /** The request's API key when it is valid and its scope allows {@code needed}; empty otherwise. */
  public Optional<ApiKey> caller(HttpServletRequest request, ApiKeyScope needed) {
    return authenticator.fromHeader(request.getHeader("Authorization")).filter(key -> key.scope().allows(needed));
  }

  /** Takes one request from the key's shared budget: true, or false after answering 429. */
  public boolean spend(ApiKey key, HttpServletResponse response) throws IOException {
    return budget.admit(key, response);
  }

  /** Makes the key the current principal (the audit log names it) until the returned scope closes. */
  public Principal actAs(ApiKey key) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(ApiKeyFilter.authentication(key));
    SecurityContextHolder.setContext(context);
    return SecurityContextHolder::clearContext;
  }

  /** The scope of {@link #actAs}. */
  public interface Principal extends AutoCloseable {
    @Override
    void close();
  }
}
