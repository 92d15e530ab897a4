package io.couponflow.web;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Once-only tokens for forms that create something. The page issues one per render; the first post with it
 * does the work, a repeat (a double click, a resent form) gets the first result back instead of a second
 * creation, so both answers show the same thing. Kept in the session, a few per user, briefly.
 */
public final class OnceOnlyForms {
  private static final String ATTRIBUTE = OnceOnlyForms.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int KEPT = 20;
  // long enough for a slow double submission, short enough that a created secret does not linger
  private static final Duration RESULT_KEPT = Duration.ofMinutes(2);

  private record Use(Object result, Instant at) {}

  private final Map<String, Use> tokens = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Use> eldest) {
      return size() > KEPT;
    }
  };

  private OnceOnlyForms() {}

  public static String issue(HttpSession session) {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    of(session).put(token);
    return token;
  }

  /**
   * Runs {@code action} for the first post of {@code token} and returns its result; later posts of the same token
   * wait for it and get the same result. Empty for a token this session never issued, or whose result expired.
   * An action that throws leaves the token unused, so the form can be corrected and sent again.
   */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> once(HttpSession session, String token, Instant now, Supplier<T> action) {
    return (Optional<T>) of(session).use(token, now, (Supplier<Object>) action);
  }

  private synchronized void put(String token) {
    tokens.put(token, new Use(null, null));
  }

  private synchronized Optional<Object> use(String token, Instant now, Supplier<Object> action) {
    if (token == null || !tokens.containsKey(token)) {
      return Optional.empty();
    }
    Use use = tokens.get(token);
    if (use.at() != null) {
      return use.at().plus(RESULT_KEPT).isAfter(now) ? Optional.of(use.result()) : Optional.empty();
    }
    Object result = action.get();
    tokens.put(token, new Use(result, now));
    return Optional.of(result);
  }

  private static OnceOnlyForms of(HttpSession session) {
    synchronized (OnceOnlyForms.class) {
      OnceOnlyForms forms = (OnceOnlyForms) session.getAttribute(ATTRIBUTE);
      if (forms == null) {
        forms = new OnceOnlyForms();
        session.setAttribute(ATTRIBUTE, forms);
      }
      return forms;
    }
  }
}
