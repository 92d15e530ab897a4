package io.couponflow.common;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problems the API answers with, so every one has the same type URIs. */
public final class Problems {
  public static final String TYPE_BASE = "https://couponflow.io/problems/";

  private Problems() {}

  /** The problem an {@link ApiException} answers with; a field error is listed under {@code errors}. */
  public static ProblemDetail of(ApiException e) {
    ProblemDetail problem = of(e.status(), e.slug(), e.title(), e.getMessage());
    if (e.field() != null) {
      problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }
    return problem;
  }

  /** A failure of ours: says nothing of its cause (the log has it). */
  public static ProblemDetail internalError() {
    return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "Something went wrong on our side; nothing was changed by the failed step");
  }

  /** The problem as the API writes it: type, title, status, detail, instance, then its own properties. */
  public static Map<String, Object> body(ProblemDetail problem, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", instance);
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }

  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + slug));
    problem.setTitle(title);
    return problem;
  }
}
