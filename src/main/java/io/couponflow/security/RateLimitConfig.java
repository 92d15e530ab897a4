package io.couponflow.security;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.couponflow.db.SqlDialect;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.thymeleaf.ITemplateEngine;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfig {

  /** Shared by the nodes in PostgreSQL; in memory on H2, which runs embedded on one node. */
  @Bean
  RateLimitStore rateLimitStore(SqlDialect dialect, JdbcClient jdbc, RateLimitProperties properties) {
    return dialect.isPostgres()
        ? new DatabaseRateLimitStore(jdbc)
        : new MemoryRateLimitStore(properties.memoryEntries(), LoginThrottle.WINDOW, LoginThrottle.MAX_FAILURES);
  }

  /** Just before Spring Security's filters (and after a forwarded-headers filter, when one is on). */
  @Bean
  FilterRegistrationBean<AddressRateLimitFilter> addressRateLimitFilter(RateLimitStore store,
      RateLimitProperties properties, ITemplateEngine templates) {
    var registration = new FilterRegistrationBean<>(
        new AddressRateLimitFilter(store, properties.webPerMinute(), templates));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  /** One node at a time drops full buckets and closed sign-in windows. */
  @Bean
  RecurringTask<Void> deleteExpiredRateLimitsTask(RateLimitStore store, Clock clock) {
    return Tasks.recurring("delete-expired-rate-limits", FixedDelay.ofMinutes(5))
        .execute((instance, context) -> store.deleteExpired(clock.instant(), LoginThrottle.WINDOW));
  }
}
