package io.couponflow.common;

import org.springframework.http.HttpStatus;

/** A failure the client can act on; rendered as an RFC 9457 problem with type {@code /problems/<slug>}. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String slug;
  private final String title;
  private final String field;

  public ApiException(HttpStatus status, String slug, String title, String detail, String field) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.field = field;
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist", null);
  }

  public static ApiException invalid(String field, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", detail, field);
  }

  public static ApiException conflict(String slug, String title, String detail) {
    return new ApiException(HttpStatus.CONFLICT, slug, title, detail, null);
  }

  public static ApiException unprocessable(String slug, String title, String detail) {
    return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail, null);
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String field() {
    return field;
  }
}
