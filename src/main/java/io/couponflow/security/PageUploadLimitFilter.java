package io.couponflow.security;

import io.couponflow.common.UploadLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page's multipart form (the import wizard) over the upload limits fails while its body is
 * parsed, and the CSRF check parses it before any controller runs: this filter parses it first
 * and, when a limit is hit, sends the browser back to the page it came from with
 * {@code tooLarge=paste} (form fields over the connector's 2 MB) or {@code tooLarge=file}, which
 * the page explains. API calls are answered by the API's own 413 problem.
 */
final class PageUploadLimitFilter extends OncePerRequestFilter {
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParts();
    } catch (IllegalStateException tooLarge) {
      String kind = UploadLimits.formFieldsOverLimit(tooLarge) ? "paste" : "file";
      String back = sameSitePath(request);
      response.sendRedirect(request.getContextPath() + back + (back.contains("?") ? "&" : "?") + "tooLarge=" + kind);
      return;
    } catch (ServletException | IOException malformed) {
      // not a body this filter judges: the CSRF check and the page refuse it as before
    }
    chain.doFilter(request, response);
  }

  /** The path and query of the page that posted the form, when it is one of ours; else the Coupons page. */
  private static String sameSitePath(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    try {
      URI from = referer == null ? null : URI.create(referer);
      if (from != null && request.getServerName().equalsIgnoreCase(from.getHost()) && from.getRawPath() != null
          && from.getRawPath().startsWith(request.getContextPath() + "/")) {
        String path = from.getRawPath().substring(request.getContextPath().length());
        String query = from.getRawQuery() == null ? "" : from.getRawQuery().replaceAll("(^|&)tooLarge=[a-z]*", "");
        return query.isEmpty() ? path : path + "?" + query.replaceFirst("^&", "");
      }
    } catch (IllegalArgumentException malformed) {
      // fall through to the Coupons page
    }
    return "/coupons";
  }
}
