package io.couponflow.alert;

import io.couponflow.statistics.StatisticsPageSection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The alerts block of the statistics page: each rule, firing (red) or armed (green). */
@Component
class AlertPageSection implements StatisticsPageSection {
  private final AlertRepository alerts;

  AlertPageSection(AlertRepository alerts) {
    this.alerts = alerts;
  }

  @Override
  public void addTo(long couponSetId, Model model) {
    List<Map<String, Object>> rows = alerts.forSet(couponSetId).stream().map(a -> Map.<String, Object>of(
        "title", a.kind().title(a.threshold()),
        "firing", a.firing(),
        "detail", (a.firing() ? "Firing" : "OK") + (a.observed() == null ? ""
            : String.format(java.util.Locale.ROOT, " (now %.1f)", a.observed()))
            + (a.firedCount() == 0 ? "" : ", fired " + a.firedCount() + " time(s), last " + a.lastFiredAt())))
        .toList();
    model.addAttribute("alerts", rows);
  }
}
