package io.couponflow.alert;

import io.couponflow.alert.AlertRepository.Delivery;
import io.couponflow.alert.AlertRepository.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one delivery and logs the attempt. A failed attempt below the limit throws, so db-scheduler
 * runs it again after an exponential backoff; the last one marks the delivery failed.
 */
@Component
class AlertDeliverer {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AlertRepository alerts;
  private final ObjectProvider<JavaMailSender> mail;
  private final AlertProperties properties;
  private final Clock clock;
  private final HttpClient http;

  AlertDeliverer(AlertRepository alerts, ObjectProvider<JavaMailSender> mail, AlertProperties properties, Clock clock) {
    this.alerts = alerts;
    this.mail = mail;
    this.properties = properties;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
  }

  /** Thrown to make db-scheduler retry later. */
  static class RetryLater extends RuntimeException {
    RetryLater(String message) {
      super(message);
    }
  }

  void deliver(long deliveryId) {
    Optional<Delivery> found = alerts.delivery(deliveryId);
    if (found.isEmpty() || !found.get().status().equals("pending")) {
      return;
    }
    Delivery delivery = found.get();
    String error;
    try {
      error = delivery.channel().equals("email") ? sendMail(delivery) : post(delivery);
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    if (error == null) {
      alerts.recordAttempt(deliveryId, "delivered", null, clock.instant());
      return;
    }
    boolean last = delivery.attempts() + 1 >= properties.maxAttempts();
    alerts.recordAttempt(deliveryId, last ? "failed" : "pending", error, clock.instant());
    if (!last) {
      throw new RetryLater("delivery " + deliveryId + " failed: " + error);
    }
  }

  private String post(Delivery delivery) throws Exception {
    Optional<Webhook> webhook = delivery.webhookId() == null ? Optional.empty() : alerts.webhook(delivery.webhookId());
    if (webhook.isEmpty()) {
      return "the webhook was deleted";
    }
    byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.get().url()))
        .timeout(properties.webhookTimeout())
        .header("Content-Type", "application/json")
        .header(AlertSignature.HEADER, AlertSignature.sign(webhook.get().secret(), body))
        .header("X-Couponflow-Delivery", String.valueOf(delivery.id()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
  }

  private String sendMail(Delivery delivery) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return "mail is not configured (spring.mail.host)";
    }
    sender.send(AlertMail.compose(properties.mailFrom(), delivery.target(), JSON.readTree(delivery.payload())));
    return null;
  }
}
