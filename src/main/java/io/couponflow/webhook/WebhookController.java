package io.couponflow.webhook;

import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.webhook.WebhookService.CreatedSubscription;
import io.couponflow.webhook.WebhookService.DeliveryDetail;
import io.couponflow.webhook.WebhookService.DeliveryView;
import io.couponflow.webhook.WebhookService.SubscriptionView;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhooks")
class WebhookController {
  private final WebhookService service;

  WebhookController(WebhookService service) {
    this.service = service;
  }

  @PostMapping("/api/v1/webhooks")
  @Operation(operationId = "createWebhook", summary = "Subscribe a URL to event types; the answer holds the signing "
      + "secret, shown only this once")
  @ApiResponse(responseCode = "201", description = "Created; secret is shown this once")
  @ProblemResponse(status = 422, type = "webhook-url-not-allowed",
      when = "the URL is on a loopback or private address (COUPONFLOW_WEBHOOKS_ALLOW_PRIVATE allows it)")
  ResponseEntity<CreatedSubscription> create(@RequestBody WebhookRequests.CreateWebhook request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.create(request.url(), request.events()));
  }

  @GetMapping("/api/v1/webhooks")
  @Operation(operationId = "listWebhooks", summary = "Every subscription (without secrets)")
  PageResponse<SubscriptionView> list() {
    return new PageResponse<>(service.list(), new PageResponse.Links(null));
  }

  @GetMapping("/api/v1/webhooks/{id}")
  @Operation(operationId = "getWebhook")
  SubscriptionView get(@PathVariable long id) {
    return service.get(id);
  }

  @PatchMapping("/api/v1/webhooks/{id}")
  @Operation(operationId = "updateWebhook", summary = "Change the URL or the event types; absent fields stay")
  @ProblemResponse(status = 422, type = "webhook-url-not-allowed",
      when = "the URL is on a loopback or private address (COUPONFLOW_WEBHOOKS_ALLOW_PRIVATE allows it)")
  SubscriptionView update(@PathVariable long id, @RequestBody WebhookRequests.UpdateWebhook request) {
    return service.update(id, request.url(), request.events());
  }

  @DeleteMapping("/api/v1/webhooks/{id}")
  @Operation(operationId = "deleteWebhook", summary = "Delete a subscription, its delivery log and undelivered events")
  ResponseEntity<Void> delete(@PathVariable long id) {
    service.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/webhooks/{id}/deliveries")
  @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first: status (pending, "
      + "delivered, failed), attempts, the receiver's last response code")
  PageResponse<DeliveryView> deliveries(@PathVariable long id, @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return service.deliveries(id, PageRequest.of(limit, cursor));
  }

  @GetMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}")
  @Operation(operationId = "getWebhookDelivery", summary = "A delivery with its body and every attempt")
  DeliveryDetail delivery(@PathVariable long id, @PathVariable long deliveryId) {
    return service.delivery(id, deliveryId);
  }

  @PostMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
  @Operation(operationId = "redeliverWebhook", summary = "Send the delivery's event again (same id and body)")
  ResponseEntity<DeliveryView> redeliver(@PathVariable long id, @PathVariable long deliveryId) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.redeliver(id, deliveryId));
  }
}
