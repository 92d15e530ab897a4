package io.couponflow.importing;

import io.couponflow.support.OnH2;

@OnH2
class GeneratedImportH2IT extends GeneratedImportContract {}
