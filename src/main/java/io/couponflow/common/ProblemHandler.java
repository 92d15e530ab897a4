package io.couponflow.common;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every failure of an API call into an RFC 9457 problem the client can read. */
@RestControllerAdvice(basePackages = "io.couponflow")
class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return ResponseEntity.status(e.status()).body(Problems.of(e));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return api(ApiException.invalid(e.getName(), "'" + e.getValue() + "' is not a valid " + e.getName()));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
    var violation = e.getConstraintViolations().iterator().next();
    String path = violation.getPropertyPath().toString();
    String field = path.substring(path.lastIndexOf('.') + 1);
    return api(ApiException.invalid(field, field + " " + violation.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (clientWentAway(e)) {
      // a download the client stopped reading (a closed tab, `| head`): nobody is left to answer
      log.debug("The client went away mid-answer: {}", e.toString());
      return null;
    }
    log.error("Unhandled error", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.internalError());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", f.getField() + " " + f.getDefaultMessage()))
        .toList();
    String detail = errors.isEmpty() ? "The request is invalid"
        : String.join("; ", errors.stream().map(m -> m.get("message")).toList());
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", detail);
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
            "payload-too-large", "Request body too large", tooLarge.getMessage()));
      }
    }
    String detail = "The request body is not valid JSON";
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      detail = "Unknown field '" + u.getPropertyName() + "'";
    } else if (cause instanceof DatabindException d) {
      String path = d.getPath().stream()
          .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> a + "." + b).orElse("body");
      detail = "Field '" + path + "' has the wrong type or format";
    }
    return ResponseEntity.badRequest()
        .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
      problem.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + status.value()));
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  /** True when the failure is the client's connection closing while the answer was written. */
  static boolean clientWentAway(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
        return true;
      }
    }
    return false;
  }
}
