package io.couponflow.assignment;

import io.couponflow.support.OnPostgres;

@OnPostgres
class AssignmentConcurrencyPostgresIT extends AssignmentConcurrencyContract {}
