package io.couponflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Start-up credentials: an admin API key to ensure, and the UI admin's password. */
@ConfigurationProperties("couponflow")
record SecurityProperties(String apiKey, String adminPassword) {}
