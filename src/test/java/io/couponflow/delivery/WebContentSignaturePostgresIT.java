package io.couponflow.delivery;

import io.couponflow.support.OnPostgres;

@OnPostgres
class WebContentSignaturePostgresIT extends WebContentSignatureContract {}
