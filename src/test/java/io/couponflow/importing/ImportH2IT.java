package io.couponflow.importing;

import io.couponflow.support.OnH2;

@OnH2
class ImportH2IT extends ImportContract {}
