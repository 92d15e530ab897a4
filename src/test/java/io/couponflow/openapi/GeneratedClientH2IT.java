package io.couponflow.openapi;

import io.couponflow.support.OnH2;

@OnH2
class GeneratedClientH2IT extends GeneratedClientContract {}
