package io.couponflow.webhook;

import io.couponflow.webhook.WebhookRepository.Delivery;
import io.couponflow.webhook.WebhookRepository.Outcome;
import io.couponflow.webhook.WebhookRepository.Subscription;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery with the JDK client: connect and whole-request timeouts, no redirects (a
 * redirect is an answer, not a success), the body signed with the subscription's secret.
 */
@Component
class WebhookSender {
  private final HttpClient http;
  private final WebhookUrls urls;
  private final WebhookProperties properties;
  private final Clock clock;

  WebhookSender(WebhookUrls urls, WebhookProperties properties, Clock clock) {
    this.urls = urls;
    this.properties = properties;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  Outcome send(Subscription subscription, Delivery delivery) throws InterruptedException {
    long started = System.nanoTime();
    try {
      URI uri = URI.create(subscription.url());
      String refused = urls.refusedAddress(uri.getHost());
      if (refused != null) {
        return new Outcome(null, "not sent: " + refused, 0);
      }
      byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .timeout(properties.timeout())
          // plain http: no h2c upgrade dance on each new connection; https negotiates HTTP/2 by ALPN
          .version("http".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
          .header("Content-Type", "application/json")
          .header("User-Agent", "Couponflow-Webhooks/1")
          .header(WebhookSignature.HEADER, WebhookSignature.sign(subscription.secret(), clock.instant().getEpochSecond(),
              body))
          .header("Couponflow-Event-Id", delivery.eventId())
          .header("Couponflow-Event-Type", delivery.type())
          .header("Couponflow-Delivery", String.valueOf(delivery.id()))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (subscription.legacySignature()) {
        request.header(WebhookSignature.LEGACY_HEADER, WebhookSignature.legacy(subscription.secret(), body));
      }
      HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return new Outcome(status, status / 100 == 2 ? null : "HTTP " + status, elapsedMs(started));
    } catch (IOException | IllegalArgumentException e) {
      String message = e.getMessage() == null ? "" : ": " + e.getMessage();
      return new Outcome(null, e.getClass().getSimpleName() + message, elapsedMs(started));
    }
  }

  private static int elapsedMs(long started) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
  }
}
