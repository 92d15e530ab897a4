package io.couponflow.alert;

import io.couponflow.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Alerts")
class AlertController {
  private final AlertService service;
  private final Clock clock;

  AlertController(AlertService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  record WebhookView(long id, String url, Instant createdAt) {}

  @PostMapping("/api/v1/coupon-sets/{id}/alerts")
  @Operation(summary = "Add an alert: available-below N, available-below-percent P, days-left-below D "
      + "(forecast), expires-within-days D; optional email")
  @ApiResponse(responseCode = "201", description = "Created")
  ResponseEntity<Alert> createAlert(@PathVariable long id, @Valid @RequestBody AlertRequests.CreateAlert request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.create(id, request));
  }

  @GetMapping("/api/v1/coupon-sets/{id}/alerts")
  @Operation(summary = "The set's alerts and whether each is firing")
  PageResponse<Alert> listAlerts(@PathVariable long id) {
    return new PageResponse<>(service.list(id), new PageResponse.Links(null));
  }

  @PostMapping("/api/v1/coupon-sets/{id}/alerts/evaluate")
  @Operation(summary = "Evaluate the set's alerts now (they are also evaluated periodically)")
  PageResponse<Alert> evaluateAlerts(@PathVariable long id) {
    service.evaluate(id, clock.instant());
    return listAlerts(id);
  }

  @DeleteMapping("/api/v1/coupon-sets/{id}/alerts/{alertId}")
  @Operation(summary = "Delete an alert")
  ResponseEntity<Void> deleteAlert(@PathVariable long id, @PathVariable long alertId) {
    service.delete(id, alertId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/coupon-sets/{id}/alerts/{alertId}/deliveries")
  @Operation(summary = "The delivery log of an alert: channel, target, status (pending, delivered, failed, skipped), attempts")
  Map<String, Object> listAlertDeliveries(@PathVariable long id, @PathVariable long alertId) {
    return Map.of("items", service.deliveries(id, alertId).stream().map(service::describe).toList());
  }

  @PostMapping("/api/v1/alert-webhooks")
  @Operation(summary = "Register a URL that receives every firing alert: a webhook subscribed to coupon-set.alert "
      + "with this secret (see /api/v1/webhooks), also signed with X-Couponflow-Signature: sha256=<HMAC of the body>")
  @ApiResponse(responseCode = "201", description = "Created")
  ResponseEntity<WebhookView> createAlertWebhook(@Valid @RequestBody AlertRequests.CreateWebhook request) {
    var created = service.addWebhook(request);
    return ResponseEntity.status(HttpStatus.CREATED).body(new WebhookView(created.id(), created.url(),
        created.createdAt()));
  }

  @GetMapping("/api/v1/alert-webhooks")
  @Operation(summary = "The URLs that receive firing alerts")
  PageResponse<WebhookView> listAlertWebhooks() {
    List<WebhookView> views = service.webhooks().stream().map(w -> new WebhookView(w.id(), w.url(), w.createdAt())).toList();
    return new PageResponse<>(views, new PageResponse.Links(null));
  }

  @DeleteMapping("/api/v1/alert-webhooks/{id}")
  @Operation(summary = "Stop sending alerts to a URL")
  ResponseEntity<Void> deleteAlertWebhook(@PathVariable long id) {
    service.deleteWebhook(id);
    return ResponseEntity.noContent().build();
  }
}
