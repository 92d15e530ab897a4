package io.couponflow.assignment;

import io.couponflow.support.OnPostgres;

@OnPostgres
class AssignmentEndpointPostgresIT extends AssignmentEndpointContract {}
