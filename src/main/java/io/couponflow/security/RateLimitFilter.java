package io.couponflow.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per API key and node: the limit refills every second and bursts up to
 * {@code burstSeconds} worth. Answers carry RateLimit-* headers; over the limit, 429 with Retry-After.
 */
class RateLimitFilter extends OncePerRequestFilter {
  private record Limited(int perSecond, Bucket bucket) {}

  private final RateLimitProperties properties;
  private final ConcurrentHashMap<Long, Limited> buckets = new ConcurrentHashMap<>();

  RateLimitFilter(RateLimitProperties properties) {
    this.properties = properties;
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
    Limited limited = buckets.compute(key.id(), (id, existing) ->
        existing != null && existing.perSecond() == perSecond ? existing : new Limited(perSecond, newBucket(perSecond)));
    ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
    long resetSeconds = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
    response.setHeader("RateLimit-Limit", String.valueOf(perSecond));
    response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
    response.setHeader("RateLimit-Reset", String.valueOf(probe.isConsumed() ? 1 : resetSeconds));
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", String.valueOf(resetSeconds));
    ProblemAuthHandlers.tooManyRequests(response, perSecond);
  }

  private Bucket newBucket(int perSecond) {
    long capacity = (long) perSecond * Math.max(1, properties.burstSeconds());
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
        .build();
  }
}
