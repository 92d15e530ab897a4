package io.couponflow.statistics;

import io.couponflow.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Statistics")
class StatisticsController {
  private final StatisticsService service;

  StatisticsController(StatisticsService service) {
    this.service = service;
  }

  @GetMapping("/api/v1/coupon-sets/{id}/statistics")
  @Operation(summary = "Assigned, sent and redeemed per hour or UTC day (zeros included), with conversion, "
      + "median time from sent to redeemed and breakdowns by child set and workflow")
  StatisticsView getStatistics(@PathVariable long id,
      @Parameter(description = "ISO-8601 instant or date (UTC); default: 2 days (hour) or 30 days (day) before to")
      @RequestParam(required = false) String from,
      @Parameter(description = "ISO-8601 instant or date (UTC), exclusive; default now")
      @RequestParam(required = false) String to,
      @Parameter(schema = @Schema(allowableValues = {"hour", "day"}, defaultValue = "hour"))
      @RequestParam(required = false, defaultValue = "hour") String interval,
      @RequestParam(required = false) Long childSetId,
      @RequestParam(required = false) Long workflowId) {
    return service.series(id, instant("from", from), instant("to", to), interval, childSetId, workflowId);
  }

  @GetMapping("/api/v1/coupon-sets/{id}/figures")
  @Operation(operationId = "getCouponSetFigures", summary = "The set's figures since it was created, as the pages show "
      + "them: totals, child sets compared (conversion with a 95% Wilson interval), each workflow's share, leak counts")
  SetStatistics figures(@PathVariable long id) {
    return service.overview(id);
  }

  @GetMapping("/api/v1/coupon-sets/{id}/forecast")
  @Operation(summary = "Days until the set runs dry at the assignment rate of the last seven days")
  Forecast getForecast(@PathVariable long id) {
    return service.forecast(id);
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, field + " must be an ISO-8601 instant (2026-11-25T10:00:00Z) or date");
    }
  }
}
