package io.couponflow.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for /web/** only, answered before Spring Security so a preflight never meets the login page. A
 * request from an origin that is not allowed is refused (403) before it can mark anything sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebCorsConfig {
  // after encoding and observation filters, before Spring Security's chain (-100)
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

  @Bean
  FilterRegistrationBean<CorsFilter> webCorsFilter(WebOrigins origins) {
    var registration = new FilterRegistrationBean<>(new CorsFilter(request -> configuration(origins)));
    registration.addUrlPatterns("/web/*");
    registration.setOrder(ORDER);
    registration.setName("webCorsFilter");
    return registration;
  }

  /** Read per request, so a changed origin list applies at once. */
  static CorsConfiguration configuration(WebOrigins origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins.anyOrigin() ? List.of(CorsConfiguration.ALL) : origins.allowed());
    cors.setAllowedMethods(List.of("GET", "HEAD"));
    cors.setAllowedHeaders(List.of("Content-Type"));
    // the snippet sends no cookies, so no origin is ever allowed credentials
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    return cors;
  }
}
