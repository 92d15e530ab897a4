/**
 * Coupon sets, child sets and their counters; codes added synchronously.
 */
@ApplicationModule(displayName = "Coupon sets", allowedDependencies = {"audit", "code", "common", "db", "web"})
package io.couponflow.couponset;

import org.springframework.modulith.ApplicationModule;
