package io.couponflow.alert;

import org.springframework.mail.SimpleMailMessage;
import tools.jackson.databind.JsonNode;

/** The email of a firing alert: plain text, subject says which set and what. */
final class AlertMail {
  private AlertMail() {}

  static SimpleMailMessage compose(String from, String to, JsonNode payload) {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(to);
    mail.setSubject("[Couponflow] " + payload.get("couponSetName").asString() + ": " + payload.get("title").asString());
    mail.setText("""
        %s

        Coupon set: %s (id %d)
        Alert: %s (threshold %s)
        Observed: %s
        Fired at: %s (UTC)

        This alert fires once when the threshold is crossed and again only after it has cleared.
        """.formatted(payload.get("message").asString(), payload.get("couponSetName").asString(),
        payload.get("couponSetId").asLong(), payload.get("kind").asString(), payload.get("threshold").asString(),
        payload.get("observed").isNull() ? "-" : payload.get("observed").asString(), payload.get("firedAt").asString()));
    return mail;
  }
}
