package io.couponflow.security;

import io.couponflow.common.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Per client address, {@code webPerMinute} requests a minute to the public /web/** endpoints and
 * as many posts of the sign-in form, each with its own bucket. Runs before Spring Security, so
 * requests that fail CSRF or a signature check count too. Over the limit: 429 with Retry-After, a
 * problem for /web/**, the sign-in page with a message for the form.
 */
class AddressRateLimitFilter extends OncePerRequestFilter {
  private final RateLimitStore store;
  private final int perMinute;
  private final ITemplateEngine templates;

  AddressRateLimitFilter(RateLimitStore store, int perMinute, ITemplateEngine templates) {
    this.store = store;
    this.perMinute = perMinute;
    this.templates = templates;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath();
    boolean web = path.startsWith("/web/");
    boolean signIn = "/login".equals(path) && "POST".equals(request.getMethod());
    if ((!web && !signIn) || perMinute <= 0) {
      chain.doFilter(request, response);
      return;
    }
    BucketTake take = store.take((web ? "web:" : "sign-in:") + ClientAddress.of(request), BucketLimit.perMinute(perMinute));
    if (take.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Retry-After", String.valueOf(take.retryAfterSeconds()));
    if (web) {
      ProblemAuthHandlers.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
          "This address may make " + perMinute + " requests a minute here; retry after the time in Retry-After"));
    } else {
      signInPage(request, response, take.retryAfterSeconds());
    }
  }

  private void signInPage(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
      throws IOException {
    var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
        .buildExchange(request, response);
    WebContext context = new WebContext(exchange, request.getLocale());
    context.setVariable("retryAfterSeconds", retryAfterSeconds);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    templates.process("security/login", context, response.getWriter());
  }
}
