package io.couponflow.statistics;

import io.couponflow.common.PageRequest;
import io.couponflow.contact.ContactService;
import io.couponflow.common.PageResponse;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.redemption.Leak;
import io.couponflow.redemption.RedemptionService;
import io.couponflow.web.PageController;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics page of a set: its figures since it was created (the same as the set page and the
 * API), the chart of a window, child sets compared, each workflow's share, the leak report, the
 * forecast (and alerts when configured).
 */
@PageController
class StatisticsPages {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<Integer> WINDOWS = List.of(2, 7, 30, 90, 365);
  static final int LEAKS_PER_PAGE = 20;

  private final StatisticsService statistics;
  private final CouponSetService sets;
  private final RedemptionService redemptions;
  private final ContactService contacts;
  private final List<StatisticsPageSection> sections;
  private final Clock clock;

  StatisticsPages(StatisticsService statistics, CouponSetService sets, RedemptionService redemptions,
      ContactService contacts, List<StatisticsPageSection> sections, Clock clock) {
    this.statistics = statistics;
    this.sets = sets;
    this.redemptions = redemptions;
    this.contacts = contacts;
    this.sections = sections;
    this.clock = clock;
  }

  @GetMapping("/coupons/{id}/statistics")
  String page(@PathVariable long id, @RequestParam(defaultValue = "30") int days,
      @RequestParam(required = false) String interval, @RequestParam(required = false) Long childSetId,
      @RequestParam(required = false) Long workflowId, @RequestParam(required = false) String cursor, Model model) {
    SetStatistics overview = statistics.overview(id);
    CouponSetView set = sets.get(id);
    Long child = childSetId != null && set.childSets().stream().anyMatch(c -> c.id() == childSetId) ? childSetId : null;
    int window = WINDOWS.contains(days) ? days : 30;
    String bucket = "hour".equals(interval) && window <= 30 ? "hour" : (interval == null && window <= 2 ? "hour" : "day");
    Instant now = clock.instant();
    SetStatistics.WorkflowFigures workflow = workflowId == null ? null : overview.workflows().stream()
        .filter(w -> workflowId.equals(w.workflowId())).findFirst().orElse(null);
    StatisticsView stats = statistics.series(id, now.minus(Duration.ofDays(window)), now, bucket, child,
        workflow == null ? null : workflow.workflowId());
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("t", stats.items().stream().map(b -> b.start().getEpochSecond()).toList());
    chart.put("assigned", stats.items().stream().map(StatisticsView.Bucket::assigned).toList());
    chart.put("sent", stats.items().stream().map(StatisticsView.Bucket::sent).toList());
    chart.put("redeemed", stats.items().stream().map(StatisticsView.Bucket::redeemed).toList());
    chart.put("leaked", stats.items().stream().map(StatisticsView.Bucket::leaked).toList());
    chart.put("interval", bucket);
    PageResponse<Leak> leaks = redemptions.leaks(id, null, PageRequest.of(LEAKS_PER_PAGE, cursor));
    model.addAttribute("set", set);
    model.addAttribute("overview", overview);
    model.addAttribute("figures", overview.figures());
    model.addAttribute("stats", stats);
    model.addAttribute("leaks", leaks);
    model.addAttribute("leaksFirstPage", cursor == null || cursor.isBlank());
    model.addAttribute("people", people(leaks.items()));
    model.addAttribute("workflowId", workflow == null ? null : workflow.workflowId());
    model.addAttribute("workflowName", workflow == null ? null : workflow.name());
    Forecast forecast = statistics.forecast(id, child, now);
    model.addAttribute("forecast", forecast);
    model.addAttribute("chartJson", JSON.writeValueAsString(chart));
    model.addAttribute("days", window);
    model.addAttribute("windows", WINDOWS);
    model.addAttribute("interval", bucket);
    model.addAttribute("childSetId", child);
    model.addAttribute("childName", child == null ? null : set.childSets().stream()
        .filter(c -> c.id() == child).findFirst().map(c -> c.name()).orElse(null));
    sections.forEach(section -> section.addTo(id, model));
    return "statistics/set";
  }

  /** How the contacts of the leak list read: their name or email when the contact is known. */
  private Map<String, String> people(List<Leak> leaks) {
    Set<String> ids = new HashSet<>();
    for (Leak leak : leaks) {
      if (leak.assignedTo() != null) {
        ids.add(leak.assignedTo());
      }
      if (leak.redeemedBy() != null) {
        ids.add(leak.redeemedBy());
      }
    }
    Map<String, String> names = new LinkedHashMap<>();
    contacts.findAll(ids).forEach((contactId, c) -> {
      String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName()))
          .strip();
      names.put(contactId, !name.isEmpty() ? name : c.email() != null && !c.email().isBlank() ? c.email() : contactId);
    });
    return names;
  }
}
