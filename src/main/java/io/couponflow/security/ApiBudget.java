package io.couponflow.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A token bucket per API key, shared by all nodes through the {@link RateLimitStore}: the limit
 * refills every second and bursts up to {@code burstSeconds} worth. Answers carry RateLimit-*
 * headers; over the limit, 429 with Retry-After.
 */
final class ApiBudget {
  private final RateLimitProperties properties;
  private final RateLimitStore store;

  ApiBudget(RateLimitProperties properties, RateLimitStore store) {
    this.properties = properties;
    this.store = store;
  }

  /** Takes one request from the key's budget: true (headers set), or false after answering 429. */
  boolean admit(ApiKey key, HttpServletResponse response) throws IOException {
    int perSecond = key.rateLimitPerSecond() != null ? key.rateLimitPerSecond() : properties.perSecond();
    if (perSecond <= 0) {
      return true;
    }
    BucketTake take = store.take("api-key:" + key.id(), BucketLimit.perSecond(perSecond, properties.burstSeconds()));
    response.setHeader("RateLimit-Limit", String.valueOf(perSecond));
    response.setHeader("RateLimit-Remaining", String.valueOf(take.remaining()));
    response.setHeader("RateLimit-Reset", String.valueOf(take.allowed() ? 1 : take.retryAfterSeconds()));
    if (take.allowed()) {
      return true;
    }
    response.setHeader("Retry-After", String.valueOf(take.retryAfterSeconds()));
    ProblemAuthHandlers.tooManyRequests(response, perSecond);
    return false;
  }
}
