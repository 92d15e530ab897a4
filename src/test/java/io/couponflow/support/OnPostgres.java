package io.couponflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The app on a random port over the machine's real PostgreSQL, in a database made fresh for the
 * test run. Fails (never skips) when PostgreSQL cannot be reached.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.username=postgres",
    "spring.datasource.password=",
    TestKeys.API_KEY_PROPERTY,
    TestKeys.ADMIN_PASSWORD_PROPERTY,
    "couponflow.shopify.webhook-secret=" + TestKeys.SHOPIFY_SECRET,
    "couponflow.alerts.max-attempts=3",
    "couponflow.alerts.retry-backoff=200ms",
    "couponflow.alerts.evaluate-every=1h",
    // the test receivers listen on 127.0.0.1
    "couponflow.webhooks.allow-private=true",
    TestSmtp.HOST,
    TestSmtp.PORT
})
@Import(TestClockConfig.class)
@ContextConfiguration(initializers = {FreshPostgresDatabase.class, TestSmtp.class})
public @interface OnPostgres {}
