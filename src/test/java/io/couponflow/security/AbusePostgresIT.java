package io.couponflow.security;

import io.couponflow.support.OnPostgres;

@OnPostgres
class AbusePostgresIT extends AbuseContract {}
