package io.couponflow.openapi;

import io.couponflow.support.OnPostgres;

@OnPostgres
class GeneratedClientPostgresIT extends GeneratedClientContract {}
