package io.couponflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Resolves a presented key to its stored record. Lookups are cached for a few seconds so the hot
 * assignment path does not pay a query per call; a revoked key stops working within that time.
 */
@Component
class ApiKeyAuthenticator {
  private static final String SCHEME = "apikey ";
  private static final Duration CACHE_FOR = Duration.ofSeconds(5);
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private static final int MAX_CACHED = 10_000;

  private record Cached(Optional<ApiKey> key, Instant until) {}

  private final ApiKeyStore store;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Instant> touched = new ConcurrentHashMap<>();

  ApiKeyAuthenticator(ApiKeyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The key an {@code Authorization: apiKey <key>} header presents, when it is an active key. */
  Optional<ApiKey> fromHeader(String header) {
    if (header == null || header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return authenticate(header.substring(SCHEME.length()).strip());
  }

  Optional<ApiKey> authenticate(String secret) {
    Instant now = clock.instant();
    Cached cached = cache.get(secret);
    if (cached == null || cached.until().isBefore(now)) {
      if (cache.size() > MAX_CACHED) {
        cache.clear();
      }
      cached = new Cached(store.findActiveBySecret(secret), now.plus(CACHE_FOR));
      cache.put(secret, cached);
    }
    cached.key().ifPresent(key -> recordUse(key, now));
    return cached.key();
  }

  void forget() {
    cache.clear();
  }

  private void recordUse(ApiKey key, Instant now) {
    Instant last = touched.get(key.id());
    if (last == null || last.plus(TOUCH_EVERY).isBefore(now)) {
      touched.put(key.id(), now);
      store.touch(key.id(), now);
    }
  }
}
