/**
 * The database-backed job queue (db-scheduler) every node works from. Depends on no feature.
 */
@ApplicationModule(displayName = "Job queue", allowedDependencies = {})
package io.couponflow.jobs;

import org.springframework.modulith.ApplicationModule;
