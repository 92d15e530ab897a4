package io.couponflow.assignment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the assignment call with one string check, ahead of Spring's request mappings. Those test
 * a path with variables against every mapping of the app in turn: 30% of the CPU of an
 * assignment request, measured with JFR (docs/benchmarks.md). Everything after the lookup (argument
 * binding, validation, the controller, its answer) is Spring MVC's as for any other call.
 */
@Component
class AssignmentHandlerMapping extends AbstractHandlerMapping {
  static final String PATTERN = "/api/v1/coupon-sets/{id}/assignments";
  private static final String PREFIX = "/api/v1/coupon-sets/";
  private static final String SUFFIX = "/assignments";

  private final ObjectProvider<RequestMappingHandlerMapping> mappings;
  private volatile HandlerMethod assign;

  AssignmentHandlerMapping(ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
    setOrder(Ordered.HIGHEST_PRECEDENCE);
  }

  @Override
  protected Object getHandlerInternal(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (!"POST".equals(request.getMethod()) || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
        || !request.getContextPath().isEmpty()) {
      return null;
    }
    String id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
    if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
      return null;
    }
    HandlerMethod handler = handler();
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", id));
    request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PATTERN);
    request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
    return handler;
  }

  private HandlerMethod handler() {
    HandlerMethod found = assign;
    if (found == null) {
      found = mappings.orderedStream().flatMap(m -> m.getHandlerMethods().values().stream())
          .filter(m -> m.getBeanType() == AssignmentController.class && m.getMethod().getName().equals("assignCoupon"))
          .findFirst().orElseThrow(() -> new IllegalStateException("AssignmentController.assignCoupon is not mapped"))
          .createWithResolvedBean();
      assign = found;
    }
    return found;
  }
}
