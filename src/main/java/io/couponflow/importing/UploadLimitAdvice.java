package io.couponflow.importing;

import io.couponflow.common.Problems;
import io.couponflow.common.UploadLimits;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An API upload over COUPONFLOW_MAX_UPLOAD_SIZE fails while the multipart body is parsed, before
 * any controller is chosen, so package-scoped advice never sees it: this one answers the 413
 * problem. Form fields of a multipart request (a pasted text) are held to the connector's
 * maxPostSize (2 MB). Pages get their answer earlier, from security's PageUploadLimitFilter.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    String detail = UploadLimits.formFieldsOverLimit(e)
        ? "The form fields (such as a pasted text) exceed 2 MB; upload them as a file instead"
        : "The upload exceeds the largest import file this server accepts (COUPONFLOW_MAX_UPLOAD_SIZE)";
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
        "payload-too-large", "Upload too large", detail));
  }
}
