package io.couponflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: apiKey <key>}; without one the request stays anonymous (and gets 401). */
class ApiKeyFilter extends OncePerRequestFilter {
  private static final String SCHEME = "apikey ";

  private final ApiKeyAuthenticator authenticator;

  ApiKeyFilter(ApiKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.length() > SCHEME.length()
        && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      String secret = header.substring(SCHEME.length()).strip();
      authenticator.authenticate(secret).ifPresent(key -> {
        var authorities = java.util.Arrays.stream(ApiKeyScope.values())
            .filter(key.scope()::allows)
            .map(s -> new SimpleGrantedAuthority(s.authority()))
            .toList();
        var authentication = new UsernamePasswordAuthenticationToken("apikey:" + key.id(), null, authorities);
        authentication.setDetails(key);
        SecurityContextHolder.getContext().setAuthentication(authentication);
      });
    }
    chain.doFilter(request, response);
  }
}
