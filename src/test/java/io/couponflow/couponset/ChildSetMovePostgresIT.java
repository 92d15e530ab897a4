package io.couponflow.couponset;

import io.couponflow.support.OnPostgres;

@OnPostgres
class ChildSetMovePostgresIT extends ChildSetMoveContract {}
