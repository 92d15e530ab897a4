package io.couponflow.statistics;

import io.couponflow.web.PageController;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The statistics page of a set: counters, chart, breakdowns, forecast (and alerts when configured). */
@PageController
class StatisticsPages {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<Integer> WINDOWS = List.of(2, 7, 30, 90, 365);

  private final StatisticsService statistics;
  private final CouponSetService sets;
  private final List<StatisticsPageSection> sections;
  private final Clock clock;

  StatisticsPages(StatisticsService statistics, CouponSetService sets, List<StatisticsPageSection> sections,
      Clock clock) {
    this.statistics = statistics;
    this.sets = sets;
    this.sections = sections;
    this.clock = clock;
  }

  @GetMapping("/coupons/{id}/statistics")
  String page(@PathVariable long id, @RequestParam(defaultValue = "30") int days,
      @RequestParam(required = false) String interval, @RequestParam(required = false) Long childSetId, Model model) {
    CouponSetView set = sets.get(id);
    int window = WINDOWS.contains(days) ? days : 30;
    String bucket = "hour".equals(interval) && window <= 30 ? "hour" : (interval == null && window <= 2 ? "hour" : "day");
    Instant now = clock.instant();
    StatisticsView stats = statistics.series(id, now.minus(Duration.ofDays(window)), now, bucket, childSetId, null);
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("t", stats.items().stream().map(b -> b.start().getEpochSecond()).toList());
    chart.put("assigned", stats.items().stream().map(StatisticsView.Bucket::assigned).toList());
    chart.put("sent", stats.items().stream().map(StatisticsView.Bucket::sent).toList());
    chart.put("redeemed", stats.items().stream().map(StatisticsView.Bucket::redeemed).toList());
    model.addAttribute("set", set);
    model.addAttribute("stats", stats);
    Forecast forecast = statistics.forecast(id, childSetId, now);
    model.addAttribute("forecast", forecast);
    model.addAttribute("runsOut", forecast.runsOutAt() == null ? ""
        : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(forecast.runsOutAt()));
    model.addAttribute("chartJson", JSON.writeValueAsString(chart));
    model.addAttribute("days", window);
    model.addAttribute("windows", WINDOWS);
    model.addAttribute("interval", bucket);
    model.addAttribute("childSetId", childSetId);
    sections.forEach(section -> section.addTo(id, model));
    return "statistics/set";
  }
}
