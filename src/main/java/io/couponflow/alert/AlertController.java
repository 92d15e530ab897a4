package io.couponflow.alert;

import io.couponflow.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
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
  ResponseEntity<Alert> create(@PathVariable long id, @Valid @RequestBody AlertRequests.CreateAlert request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.create(id, request));
  }

  @GetMapping("/api/v1/coupon-sets/{id}/alerts")
  PageResponse<Alert> list(@PathVariable long id) {
    return new PageResponse<>(service.list(id), new PageResponse.Links(null));
  }

  @PostMapping("/api/v1/coupon-sets/{id}/alerts/evaluate")
  @Operation(summary = "Evaluate the set's alerts now (they are also evaluated periodically)")
  PageResponse<Alert> evaluate(@PathVariable long id) {
    service.evaluate(id, clock.instant());
    return list(id);
  }

  @DeleteMapping("/api/v1/coupon-sets/{id}/alerts/{alertId}")
  ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long alertId) {
    service.delete(id, alertId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/coupon-sets/{id}/alerts/{alertId}/deliveries")
  @Operation(summary = "The delivery log of an alert: channel, target, status (pending, delivered, failed, skipped), attempts")
  Map<String, Object> deliveries(@PathVariable long id, @PathVariable long alertId) {
    return Map.of("items", service.deliveries(id, alertId).stream().map(service::describe).toList());
  }

  @PostMapping("/api/v1/alert-webhooks")
  @Operation(summary = "Register a URL that receives every firing alert: a webhook subscribed to coupon-set.alert "
      + "with this secret (see /api/v1/webhooks), also signed with X-Couponflow-Signature: sha256=<HMAC of the body>")
  ResponseEntity<WebhookView> addWebhook(@Valid @RequestBody AlertRequests.CreateWebhook request) {
    var created = service.addWebhook(request);
    return ResponseEntity.status(HttpStatus.CREATED).body(new WebhookView(created.id(), created.url(),
        created.createdAt()));
  }

  @GetMapping("/api/v1/alert-webhooks")
  PageResponse<WebhookView> webhooks() {
    List<WebhookView> views = service.webhooks().stream().map(w -> new WebhookView(w.id(), w.url(), w.createdAt())).toList();
    return new PageResponse<>(views, new PageResponse.Links(null));
  }

  @DeleteMapping("/api/v1/alert-webhooks/{id}")
  ResponseEntity<Void> deleteWebhook(@PathVariable long id) {
    service.deleteWebhook(id);
    return ResponseEntity.noContent().build();
  }
}
