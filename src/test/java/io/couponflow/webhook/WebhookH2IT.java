package io.couponflow.webhook;

import io.couponflow.support.OnH2;

@OnH2
class WebhookH2IT extends WebhookContract {}
