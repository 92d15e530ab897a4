package io.couponflow.importing;

import io.couponflow.support.OnH2;

@OnH2
class CodeGenerationH2IT extends CodeGenerationProperties {}
