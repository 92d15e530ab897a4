package io.couponflow.security;

import io.couponflow.support.OnH2;

@OnH2
class AbuseH2IT extends AbuseContract {}
