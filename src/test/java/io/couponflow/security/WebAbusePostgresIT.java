package io.couponflow.security;

import io.couponflow.support.OnPostgres;

@OnPostgres
class WebAbusePostgresIT extends WebAbuseContract {}
