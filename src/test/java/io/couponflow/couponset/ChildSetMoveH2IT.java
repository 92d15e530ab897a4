package io.couponflow.couponset;

import io.couponflow.support.OnH2;

@OnH2
class ChildSetMoveH2IT extends ChildSetMoveContract {}
