/**
 * CSV files and pasted lists imported in the background, all or nothing.
 */
@ApplicationModule(displayName = "Imports", allowedDependencies = {"audit", "code", "common", "couponset", "db", "jobs", "web"})
package io.couponflow.importing;

import org.springframework.modulith.ApplicationModule;
