package io.couponflow.web;

import io.couponflow.common.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages answer failures with a page, not the API's problem JSON (which handles every other package). */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiExceptionAdvice {
  @ExceptionHandler(ApiException.class)
  String failed(ApiException e, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    boolean missing = e.status().value() == 404;
    model.addAttribute("title", missing ? "Not found" : e.title());
    // the API's "Coupon set 12 does not exist" names an id the marketer never saw
    model.addAttribute("message", missing ? "It may have been deleted, or the link is not right." : e.getMessage());
    return "web/error-page";
  }
}
