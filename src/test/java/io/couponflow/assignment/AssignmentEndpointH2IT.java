package io.couponflow.assignment;

import io.couponflow.support.OnH2;

@OnH2
class AssignmentEndpointH2IT extends AssignmentEndpointContract {}
