/**
 * The UI shell every feature's pages use: the page annotation, form helpers, formats and the error page.
 * Depends on no feature (the pages live with their feature).
 */
@ApplicationModule(displayName = "UI shell", allowedDependencies = {"common"})
package io.couponflow.web;

import org.springframework.modulith.ApplicationModule;
