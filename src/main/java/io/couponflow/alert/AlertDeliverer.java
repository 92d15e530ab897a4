package io.couponflow.alert;

import io.couponflow.alert.AlertRepository.Delivery;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one alert email and logs the attempt. A failed attempt below the limit throws, so db-scheduler
 * runs it again after an exponential backoff; the last one marks the delivery failed.
 */
@Component
class AlertDeliverer {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AlertRepository alerts;
  private final ObjectProvider<JavaMailSender> mail;
  private final AlertProperties properties;
  private final Clock clock;

  AlertDeliverer(AlertRepository alerts, ObjectProvider<JavaMailSender> mail, AlertProperties properties, Clock clock) {
    this.alerts = alerts;
    this.mail = mail;
    this.properties = properties;
    this.clock = clock;
  }

  /** Thrown to make db-scheduler retry later. */
  static class RetryLater extends RuntimeException {
    RetryLater(String message) {
      super(message);
    }
  }

  void deliver(long deliveryId) {
    Optional<Delivery> found = alerts.delivery(deliveryId);
    // webhook entries are delivered by the webhook feature; only emails go out from here
    if (found.isEmpty() || !found.get().status().equals("pending") || !found.get().channel().equals("email")) {
      return;
    }
    Delivery delivery = found.get();
    String error;
    try {
      error = sendMail(delivery);
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

  private String sendMail(Delivery delivery) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return "mail is not configured (spring.mail.host)";
    }
    sender.send(AlertMail.compose(properties.mailFrom(), delivery.target(), JSON.readTree(delivery.payload())));
    return null;
  }
}
