/**
 * Warnings when a set runs low (reads its counters and forecast) or expires, by email or as the webhooks'
 * coupon-set.alert event.
 */
@ApplicationModule(displayName = "Alerts", allowedDependencies = {"common", "couponset", "db", "statistics", "webhook"})
package io.couponflow.alert;

import org.springframework.modulith.ApplicationModule;
