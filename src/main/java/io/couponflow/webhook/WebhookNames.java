package io.couponflow.webhook;

import io.couponflow.common.ApiException;
import io.couponflow.web.NameSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Names a webhook on the audit log by the address it posts to. */
@Component
class WebhookNames implements NameSource {
  private final WebhookService webhooks;

  WebhookNames(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public String kind() {
    return "webhook";
  }

  @Override
  public Optional<String> name(String id) {
    try {
      return Optional.of(webhooks.get(Long.parseLong(id)).url());
    } catch (NumberFormatException | ApiException gone) {
      return Optional.empty();
    }
  }
}
