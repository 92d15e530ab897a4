/**
 * Email and web popups that show a contact their code.
 */
@ApplicationModule(displayName = "Delivery", allowedDependencies = {"assignment", "audit", "common", "contact", "db", "web"})
package io.couponflow.delivery;

import org.springframework.modulith.ApplicationModule;
