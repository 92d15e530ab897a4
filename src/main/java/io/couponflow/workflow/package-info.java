/**
 * Event-triggered flows that assign codes and send them.
 */
@ApplicationModule(displayName = "Workflows", allowedDependencies = {"assignment", "audit", "code", "common", "contact", "couponset", "db", "delivery", "jobs", "web"})
package io.couponflow.workflow;

import org.springframework.modulith.ApplicationModule;
