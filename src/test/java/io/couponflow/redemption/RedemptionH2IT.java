package io.couponflow.redemption;

import io.couponflow.support.OnH2;

@OnH2
class RedemptionH2IT extends RedemptionContract {}
