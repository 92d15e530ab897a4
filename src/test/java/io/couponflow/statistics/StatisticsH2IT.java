package io.couponflow.statistics;

import io.couponflow.support.OnH2;

@OnH2
class StatisticsH2IT extends StatisticsContract {}
