/**
 * Assigned, sent and redeemed over time, per child set and workflow; the forecast.
 */
@ApplicationModule(displayName = "Statistics", allowedDependencies = {"assignment", "common", "couponset", "db", "redemption", "web"})
package io.couponflow.statistics;

import org.springframework.modulith.ApplicationModule;
