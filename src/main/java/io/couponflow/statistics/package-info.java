/**
 * Assigned, sent and redeemed over time, per child set and workflow (named from workflow), with the contacts
 * of the leak report (from contact); the forecast.
 */
@ApplicationModule(displayName = "Statistics", allowedDependencies = {"assignment", "common", "contact", "couponset", "db", "redemption", "web", "workflow"})
package io.couponflow.statistics;

import org.springframework.modulith.ApplicationModule;
