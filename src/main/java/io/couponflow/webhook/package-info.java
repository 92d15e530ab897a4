/**
 * Outbound webhooks: subscriptions, the outbox written in the changing transaction, signed deliveries with
 * retries, the delivery log. Listens to the events of the features it announces (assignment, redemption,
 * imports, coupon sets).
 */
@ApplicationModule(displayName = "Outbound webhooks", allowedDependencies = {"assignment", "audit", "common",
    "couponset", "db", "importing", "jobs", "redemption", "web"})
package io.couponflow.webhook;

import org.springframework.modulith.ApplicationModule;
