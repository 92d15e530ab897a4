package io.couponflow.statistics;

import io.couponflow.support.OnPostgres;

@OnPostgres
class StatisticsPostgresIT extends StatisticsContract {}
