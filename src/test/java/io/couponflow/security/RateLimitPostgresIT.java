package io.couponflow.security;

import io.couponflow.support.OnPostgres;

@OnPostgres
class RateLimitPostgresIT extends RateLimitContract {
  /** The database keeps every open window; a few thousand names show no flood clears them. */
  @Override
  int distinctNamesInTheFlood() {
    return 3_000;
  }
}
