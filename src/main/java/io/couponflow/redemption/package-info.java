/**
 * Codes used in orders, reported by the shop (API, purchase events, Shopify webhook).
 */
@ApplicationModule(displayName = "Redemptions", allowedDependencies = {"assignment", "code", "common", "couponset", "db"})
package io.couponflow.redemption;

import org.springframework.modulith.ApplicationModule;
