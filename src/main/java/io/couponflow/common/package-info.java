/**
 * What every feature shares: problems (API errors), paging, the clock, the OpenAPI rules. Depends on no feature.
 */
@ApplicationModule(displayName = "Common", allowedDependencies = {})
package io.couponflow.common;

import org.springframework.modulith.ApplicationModule;
