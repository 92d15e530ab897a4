/**
 * Contacts, their timeline, and the events that start workflows (a purchase event redeems its coupons).
 */
@ApplicationModule(displayName = "Contacts and events", allowedDependencies = {"assignment", "common", "db", "redemption", "web"})
package io.couponflow.contact;

import org.springframework.modulith.ApplicationModule;
