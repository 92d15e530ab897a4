/**
 * The code table (its available codes are the claim queue): adding, claiming and changing the status of codes. The only writer of that table.
 */
@ApplicationModule(displayName = "Code pool", allowedDependencies = {"common", "db"})
package io.couponflow.code;

import org.springframework.modulith.ApplicationModule;
