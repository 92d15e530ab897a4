package io.couponflow.code;

import io.couponflow.support.OnPostgres;

@OnPostgres
class CodeTransitionPostgresIT extends CodeTransitionContract {}
