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
    model.addAttribute("title", e.status().value() == 404 ? "Not found" : e.title());
    model.addAttribute("message", e.getMessage());
    return "web/error-page";
  }
}
