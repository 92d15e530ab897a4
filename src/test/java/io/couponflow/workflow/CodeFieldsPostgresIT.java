package io.couponflow.workflow;

import io.couponflow.support.OnPostgres;

@OnPostgres
class CodeFieldsPostgresIT extends CodeFieldsContract {}
