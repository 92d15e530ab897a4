/**
 * Who changed, deleted, imported or exported what.
 */
@ApplicationModule(displayName = "Audit log", allowedDependencies = {"common", "db", "web"})
package io.couponflow.audit;

import org.springframework.modulith.ApplicationModule;
