package io.couponflow.security;

import io.couponflow.support.OnH2;

@OnH2
class WebAbuseH2IT extends WebAbuseContract {}
