package io.couponflow.webhook;

import io.couponflow.support.OnPostgres;

@OnPostgres
class WebhookPostgresIT extends WebhookContract {}
