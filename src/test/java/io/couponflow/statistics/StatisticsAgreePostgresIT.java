package io.couponflow.statistics;

import io.couponflow.support.OnPostgres;

@OnPostgres
class StatisticsAgreePostgresIT extends StatisticsAgreeContract {}
