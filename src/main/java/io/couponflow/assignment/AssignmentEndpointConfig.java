package io.couponflow.assignment;

import io.couponflow.security.ApiGate;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Puts the {@link AssignmentEndpoint} first in the servlet filters, ahead of metrics and security. */
@Configuration(proxyBeanMethods = false)
class AssignmentEndpointConfig {
  @Bean
  FilterRegistrationBean<AssignmentEndpoint> assignmentEndpoint(ApiGate gate, AssignmentService service,
      JsonMapper json, MeterRegistry meters) {
    var registration = new FilterRegistrationBean<>(new AssignmentEndpoint(gate, service, json, meters));
    registration.addUrlPatterns("/api/v1/coupon-sets/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
