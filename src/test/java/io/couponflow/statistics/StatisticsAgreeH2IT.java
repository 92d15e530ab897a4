package io.couponflow.statistics;

import io.couponflow.support.OnH2;

@OnH2
class StatisticsAgreeH2IT extends StatisticsAgreeContract {}
