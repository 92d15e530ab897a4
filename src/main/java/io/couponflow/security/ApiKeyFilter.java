package io.couponflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: apiKey <key>}; without one the request stays anonymous (and gets 401). */
class ApiKeyFilter extends OncePerRequestFilter {
  private final ApiKeyAuthenticator authenticator;

  ApiKeyFilter(ApiKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    authenticator.fromHeader(request.getHeader("Authorization"))
        .ifPresent(key -> SecurityContextHolder.getContext().setAuthentication(authentication(key)));
    chain.doFilter(request, response);
  }

  /** The principal {@code apikey:<id>} with one authority per scope the key allows. */
  static Authentication authentication(ApiKey key) {
    var authorities = Arrays.stream(ApiKeyScope.values())
        .filter(key.scope()::allows)
        .map(s -> new SimpleGrantedAuthority(s.authority()))
        .toList();
    var authentication = new UsernamePasswordAuthenticationToken("apikey:" + key.id(), null, authorities);
    authentication.setDetails(key);
    return authentication;
  }
}
