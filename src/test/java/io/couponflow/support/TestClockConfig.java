package io.couponflow.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Imported by OnH2 and OnPostgres, so the shared contexts stay one per database. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {
  @Bean
  @Primary
  SettableClock settableClock() {
    return new SettableClock();
  }
}
