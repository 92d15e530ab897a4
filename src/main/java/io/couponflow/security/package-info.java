/**
 * API keys and their scopes, the UI sign-in, rate limits.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"audit", "common", "db", "web"})
package io.couponflow.security;

import org.springframework.modulith.ApplicationModule;
