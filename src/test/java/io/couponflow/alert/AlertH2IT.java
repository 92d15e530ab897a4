package io.couponflow.alert;

import io.couponflow.support.OnH2;

@OnH2
class AlertH2IT extends AlertContract {}
