package io.couponflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Spends the authenticated API key's {@link ApiBudget} on each request of the chain. */
class RateLimitFilter extends OncePerRequestFilter {
  private final ApiBudget budget;

  RateLimitFilter(ApiBudget budget) {
    this.budget = budget;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getDetails() instanceof ApiKey key) || budget.admit(key, response)) {
      chain.doFilter(request, response);
    }
  }
}
