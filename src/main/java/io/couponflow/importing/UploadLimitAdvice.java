package io.couponflow.importing;

import io.couponflow.common.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over COUPONFLOW_MAX_UPLOAD_SIZE fails while the multipart body is parsed, before any
 * controller is chosen, so package-scoped advice never sees it: this one answers 413, as a problem
 * for the API and as a page for the UI. Form fields of a multipart request (a pasted text) are
 * held to the connector's maxPostSize (2 MB).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    boolean pastedText = String.valueOf(e.getMostSpecificCause().getMessage()).contains("maxPostSize");
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ModelAndView page = new ModelAndView("error-page", HttpStatus.CONTENT_TOO_LARGE);
      page.addObject("title", pastedText ? "List too long to paste" : "File too large");
      page.addObject("message", pastedText
          ? "A pasted list can be up to 2 MB (about 100,000 codes). Save the codes as a CSV file and upload the file instead."
          : "This file is larger than this server accepts for an import (COUPONFLOW_MAX_UPLOAD_SIZE). Split it into smaller files.");
      return page;
    }
    String detail = pastedText
        ? "The form fields (such as a pasted text) exceed 2 MB; upload them as a file instead"
        : "The upload exceeds the largest import file this server accepts (COUPONFLOW_MAX_UPLOAD_SIZE)";
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
        "payload-too-large", "Upload too large", detail));
  }
}
