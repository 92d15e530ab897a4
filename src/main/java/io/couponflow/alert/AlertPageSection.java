package io.couponflow.alert;

import io.couponflow.statistics.StatisticsPageSection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    // the last firing is a moment the page shows in the viewer's zone, so it stays out of the sentence
    List<Map<String, Object>> rows = alerts.forSet(couponSetId).stream().map(a -> {
      Map<String, Object> row = new HashMap<>();
      row.put("title", a.kind().title(a.threshold()));
      row.put("firing", a.firing());
      row.put("detail", (a.firing() ? "Firing" : "OK") + (a.observed() == null ? "" : " (now " + number(a.observed()) + ")")
          + (a.firedCount() == 0 ? "" : ", fired " + (a.firedCount() == 1 ? "once" : a.firedCount() + " times")
              + ", last"));
      row.put("lastFiredAt", a.firedCount() == 0 ? null : a.lastFiredAt());
      return row;
    }).toList();
    model.addAttribute("alerts", rows);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
