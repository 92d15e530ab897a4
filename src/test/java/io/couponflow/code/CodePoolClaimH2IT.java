package io.couponflow.code;

import io.couponflow.support.OnH2;

@OnH2
class CodePoolClaimH2IT extends CodePoolClaimContract {}
