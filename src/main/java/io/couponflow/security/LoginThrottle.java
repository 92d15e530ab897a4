package io.couponflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: after 5 failed sign-ins for one user name from one address within 15
 * minutes, that pair is refused for 15 minutes. Per node, in memory; keyed by address as well so
 * that strangers cannot lock the admin out.
 */
@Component
class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Clock clock;
  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  @EventListener
  void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    String key = key(event.getAuthentication().getName(), event.getAuthentication().getDetails());
    if (failures.size() > 100_000) {
      failures.clear();
    }
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
      while (times.size() > MAX_FAILURES) {
        times.removeFirst();
      }
    }
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    failures.remove(key(event.getAuthentication().getName(), event.getAuthentication().getDetails()));
  }

  boolean isLocked(String username, String address) {
    Deque<Instant> times = failures.get(username.toLowerCase(Locale.ROOT) + "|" + address);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      return times.size() >= MAX_FAILURES && times.getFirst().plus(WINDOW).isAfter(clock.instant());
    }
  }

  private static String key(String username, Object details) {
    String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "?";
    return username.toLowerCase(Locale.ROOT) + "|" + address;
  }

  /** Refuses a sign-in attempt while its user name and address are locked. */
  OncePerRequestFilter filter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String username = request.getParameter("username");
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()) && username != null
            && isLocked(username, request.getRemoteAddr())) {
          response.sendRedirect(request.getContextPath() + "/login?locked");
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }
}
