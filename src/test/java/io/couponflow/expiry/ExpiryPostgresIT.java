package io.couponflow.expiry;

import io.couponflow.support.OnPostgres;

@OnPostgres
class ExpiryPostgresIT extends ExpiryContract {}
