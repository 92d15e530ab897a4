package io.couponflow.webhook;

import java.util.List;

/** Bodies of the subscription API. */
final class WebhookRequests {
  private WebhookRequests() {}

  /** POST /api/v1/webhooks: where to, and which event types (at least one). */
  record CreateWebhook(String url, List<String> events) {}

  /** PATCH /api/v1/webhooks/{id}: absent fields stay as they are. */
  record UpdateWebhook(String url, List<String> events) {}
}
