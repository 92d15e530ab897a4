package io.couponflow.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The alert email, composed without a mail server (the shared test contexts configure none). */
class AlertMailTest {
  @Test
  void theEmailNamesTheSetTheAlertAndTheObservedValue() {
    var payload = JsonMapper.builder().build().readTree("""
        {"alertId": 7, "couponSetId": 42, "couponSetName": "Black Friday", "kind": "available-below",
         "threshold": 100.0, "observed": 99.0, "title": "Available codes below 100",
         "message": "Available codes below 100 in coupon set Black Friday (now 99.0)",
         "firedAt": "2031-03-01T10:00:00Z"}""");
    var mail = AlertMail.compose("alerts@shop.test", "ops@shop.test", payload);

    assertThat(mail.getFrom()).isEqualTo("alerts@shop.test");
    assertThat(mail.getTo()).containsExactly("ops@shop.test");
    assertThat(mail.getSubject()).isEqualTo("[Couponflow] Black Friday: Available codes below 100");
    assertThat(mail.getText()).contains("Coupon set: Black Friday (id 42)").contains("Observed: 99.0")
        .contains("Fired at: 2031-03-01T10:00:00Z");
  }

  @Test
  void aWholeNumberThresholdReadsWithoutDecimals() {
    assertThat(AlertKind.AVAILABLE_BELOW_PERCENT.title(10)).isEqualTo("Available codes below 10% of the total");
    assertThat(AlertKind.DAYS_LEFT_BELOW.title(2.5)).isEqualTo("Forecast: fewer than 2.5 days of codes left");
  }
}
