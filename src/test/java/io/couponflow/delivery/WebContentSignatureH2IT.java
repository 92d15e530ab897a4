package io.couponflow.delivery;

import io.couponflow.support.OnH2;

@OnH2
class WebContentSignatureH2IT extends WebContentSignatureContract {}
