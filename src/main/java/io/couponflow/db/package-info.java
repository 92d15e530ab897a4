/**
 * Where H2 and PostgreSQL differ (SqlDialect), and the multi-row SQL helper. Depends on no feature.
 */
@ApplicationModule(displayName = "Database seam", allowedDependencies = {})
package io.couponflow.db;

import org.springframework.modulith.ApplicationModule;
