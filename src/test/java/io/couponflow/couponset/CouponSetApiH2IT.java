package io.couponflow.couponset;

import io.couponflow.support.OnH2;

@OnH2
class CouponSetApiH2IT extends CouponSetApiContract {}
