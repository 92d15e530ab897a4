/**
 * Warnings when a set runs low (reads its counters and forecast) or expires, by email or webhook.
 */
@ApplicationModule(displayName = "Alerts", allowedDependencies = {"common", "couponset", "db", "statistics"})
package io.couponflow.alert;

import org.springframework.modulith.ApplicationModule;
