package io.couponflow.code;

import io.couponflow.support.OnH2;

@OnH2
class CodeTransitionH2IT extends CodeTransitionContract {}
