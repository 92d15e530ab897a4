/**
 * The pages that are no single feature's: layout, settings, the import wizard and report.
 */
@ApplicationModule(displayName = "UI shell", allowedDependencies = {"audit", "code", "common", "couponset", "delivery", "importing", "security"})
package io.couponflow.web;

import org.springframework.modulith.ApplicationModule;
