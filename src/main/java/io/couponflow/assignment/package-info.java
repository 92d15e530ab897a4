/**
 * Gives a contact a code of a set (claims from the code pool), marks it sent, releases it.
 */
@ApplicationModule(displayName = "Assignment", allowedDependencies = {"code", "common", "couponset", "db"})
package io.couponflow.assignment;

import org.springframework.modulith.ApplicationModule;
