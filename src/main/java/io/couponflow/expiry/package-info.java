/**
 * Expires the codes of sets whose expiresAt has passed.
 */
@ApplicationModule(displayName = "Expiry", allowedDependencies = {"code", "couponset"})
package io.couponflow.expiry;

import org.springframework.modulith.ApplicationModule;
