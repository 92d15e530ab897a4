package io.couponflow.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class SecurityConfig {

  /** The API: stateless, API keys only, no CSRF (no cookies are honoured here). */
  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiKeyAuthenticator authenticator, RateLimitProperties limits,
      RateLimitStore limitStore) throws Exception {
    ApiKeyFilter apiKeys = new ApiKeyFilter(authenticator);
    return http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
        .addFilterBefore(new BodySizeLimitFilter(), ApiKeyFilter.class)
        .addFilterAfter(new RateLimitFilter(new ApiBudget(limits, limitStore)), ApiKeyFilter.class)
        .authorizeHttpRequests(auth -> auth
            // a streamed answer's async and error dispatches were authorised on the way in
            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
            .requestMatchers("/api/v1/api-keys/**", "/api/v1/api-keys", "/api/v1/audit-log", "/api/v1/webhooks",
                "/api/v1/webhooks/**").hasAuthority(ApiKeyScope.ADMIN.authority())
            .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(ApiKeyScope.READ.authority())
            .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(ApiKeyScope.READ.authority())
            .anyRequest().hasAuthority(ApiKeyScope.WRITE.authority()))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(ProblemAuthHandlers.unauthorized())
            .accessDeniedHandler((request, response, denied) -> {
              if (request.getUserPrincipal() == null) {
                ProblemAuthHandlers.unauthorized().commence(request, response, null);
              } else {
                ProblemAuthHandlers.forbidden().handle(request, response, denied);
              }
            }))
        .build();
  }

  /** Pages for marketers: form login, CSRF on, strict headers. */
  @Bean
  @Order(2)
  SecurityFilterChain ui(HttpSecurity http, LoginThrottle throttle) throws Exception {
    return http
        .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new PageUploadLimitFilter(), CsrfFilter.class)
        .authorizeHttpRequests(auth -> auth
            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
            .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
            .requestMatchers("/web/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/webhooks/**").permitAll()
            .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .anyRequest().authenticated())
        // webhooks authenticate by their own signature, never by a session cookie
        .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/coupons", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
