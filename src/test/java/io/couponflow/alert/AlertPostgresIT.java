package io.couponflow.alert;

import io.couponflow.support.OnPostgres;

@OnPostgres
class AlertPostgresIT extends AlertContract {}
