package io.couponflow.redemption;

import io.couponflow.support.OnPostgres;

@OnPostgres
class RedemptionPostgresIT extends RedemptionContract {}
