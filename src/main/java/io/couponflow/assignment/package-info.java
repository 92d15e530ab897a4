/**
 * Gives a contact a code of a set (claims from the code pool), marks it sent, releases it. Uses security's
 * ApiGate: the assignment call is answered ahead of Spring's filter chain and checks the key itself.
 */
@ApplicationModule(displayName = "Assignment", allowedDependencies = {"code", "common", "couponset", "db", "security"})
package io.couponflow.assignment;

import org.springframework.modulith.ApplicationModule;
