package io.couponflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: after 5 failed sign-ins for one user name from one address within 15
 * minutes of the first, that pair is refused until those 15 minutes are over. Kept in the
 * {@link RateLimitStore}, so all nodes see one count and no flood of other names resets it; keyed
 * by address as well so that strangers cannot lock the admin out.
 */
@Component
class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  /** Longer user names are cut: no sign-in form post can make a record of unbounded size. */
  private static final int MAX_NAME_LENGTH = 128;

  private final RateLimitStore store;
  private final Clock clock;

  LoginThrottle(RateLimitStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @EventListener
  void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    recordFailure(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    store.forgetFailedSignIns(subject(event.getAuthentication().getName(),
        address(event.getAuthentication().getDetails())));
  }

  void recordFailure(String username, String address) {
    store.recordFailedSignIn(subject(username, address), clock.instant(), WINDOW);
  }

  boolean isLocked(String username, String address) {
    return store.failedSignIns(subject(username, address), clock.instant(), WINDOW) >= MAX_FAILURES;
  }

  private static String subject(String username, String address) {
    String name = username.toLowerCase(Locale.ROOT);
    return (name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name) + "|" + ClientAddress.of(address);
  }

  private static String address(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "?";
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
