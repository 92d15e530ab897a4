package io.couponflow.expiry;

import io.couponflow.support.OnH2;

@OnH2
class ExpiryH2IT extends ExpiryContract {}
