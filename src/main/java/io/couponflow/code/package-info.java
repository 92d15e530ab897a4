/**
 * The code and free_code tables: adding, claiming and changing the status of codes. The only writer of those tables.
 */
@ApplicationModule(displayName = "Code pool", allowedDependencies = {"common", "db"})
package io.couponflow.code;

import org.springframework.modulith.ApplicationModule;
