package io.couponflow.importing;

import io.couponflow.support.OnPostgres;

@OnPostgres
class GeneratedImportPostgresIT extends GeneratedImportContract {}
