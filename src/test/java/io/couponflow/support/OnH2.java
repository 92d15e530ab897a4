package io.couponflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** The app on a random port over an in-memory H2 (PostgreSQL mode). All such tests share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:couponflow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "spring.datasource.username=sa",
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
@ContextConfiguration(initializers = TestSmtp.class)
public @interface OnH2 {}
