package io.couponflow.assignment;

import io.couponflow.support.OnH2;

@OnH2
class AssignmentConcurrencyH2IT extends AssignmentConcurrencyContract {}
