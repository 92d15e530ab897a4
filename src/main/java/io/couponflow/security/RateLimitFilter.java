package io.couponflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per API key, shared by all nodes through the {@link RateLimitStore}: the limit
 * refills every second and bursts up to {@code burstSeconds} worth. Answers carry RateLimit-*
 * headers; over the limit, 429 with Retry-After.
 */
class RateLimitFilter extends OncePerRequestFilter {
  private final RateLimitProperties properties;
  private final RateLimitStore store;

  RateLimitFilter(RateLimitProperties properties, RateLimitStore store) {
    this.properties = properties;
    this.store = store;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getDetails() instanceof ApiKey key)) {
      chain.doFilter(request, response);
      return;
    }
    int perSecond = key.rateLimitPerSecond() != null ? key.rateLimitPerSecond() : properties.perSecond();
    if (perSecond <= 0) {
      chain.doFilter(request, response);
      return;
    }
    BucketTake take = store.take("api-key:" + key.id(), BucketLimit.perSecond(perSecond, properties.burstSeconds()));
    response.setHeader("RateLimit-Limit", String.valueOf(perSecond));
    response.setHeader("RateLimit-Remaining", String.valueOf(take.remaining()));
    response.setHeader("RateLimit-Reset", String.valueOf(take.allowed() ? 1 : take.retryAfterSeconds()));
    if (take.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", String.valueOf(take.retryAfterSeconds()));
    ProblemAuthHandlers.tooManyRequests(response, perSecond);
  }
}
