package io.couponflow.security;

import io.couponflow.common.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for the API as problem+json, like every other API error. */
final class ProblemAuthHandlers {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemAuthHandlers() {}

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
        "Unauthorized", "Send a valid API key as 'Authorization: apiKey <key>'"));
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) -> write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "This API key's scope does not allow " + request.getMethod() + " " + request.getRequestURI()));
  }

  static void tooManyRequests(HttpServletResponse response, int perSecond) throws IOException {
    write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
        "This API key may make " + perSecond + " requests per second; retry after the time in Retry-After"));
  }

  static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (problem.getStatus() == 401) {
      response.setHeader("WWW-Authenticate", "apiKey");
    }
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    JSON.writeValue(response.getOutputStream(), body);
  }
}
