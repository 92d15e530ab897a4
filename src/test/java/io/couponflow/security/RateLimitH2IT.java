package io.couponflow.security;

import io.couponflow.support.OnH2;

@OnH2
class RateLimitH2IT extends RateLimitContract {
  /** Past the memory store's bound (100,000 entries), where the old lockout map cleared itself. */
  @Override
  int distinctNamesInTheFlood() {
    return 150_000;
  }
}
