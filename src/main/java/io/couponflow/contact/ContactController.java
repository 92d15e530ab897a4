package io.couponflow.contact;

import io.couponflow.common.ApiException;
import io.couponflow.common.LockConflicts;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Contacts and events")
class ContactController {
  private final ContactService contacts;
  private final ActivityLog activity;
  private final PurchaseRedemptions purchases;
  private final Validator validator;

  ContactController(ContactService contacts, ActivityLog activity, PurchaseRedemptions purchases, Validator validator) {
    this.contacts = contacts;
    this.activity = activity;
    this.purchases = purchases;
    this.validator = validator;
  }

  @PutMapping("/api/v1/contacts/{id}")
  @Operation(summary = "Create (201) or replace (200) a contact: email, names and free fields")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "200", description = "Replaced")
  ResponseEntity<ContactView> putContact(@PathVariable String id, @Valid @RequestBody PutContactRequest request) {
    ContactService.PutResult result = contacts.put(id, request);
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(ContactView.of(result.contact()));
  }

  @GetMapping("/api/v1/contacts/{id}")
  @Operation(summary = "A contact")
  ContactView getContact(@PathVariable String id) {
    return ContactView.of(contacts.require(id));
  }

  @GetMapping("/api/v1/contacts")
  @Operation(summary = "Search contacts by id, email or name (q), ordered by id")
  PageResponse<ContactView> searchContacts(@RequestParam(required = false) String q,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    PageRequest page = PageRequest.of(limit, null);
    String after = cursor == null || cursor.isBlank() ? null : ContactCursor.decode(cursor);
    List<Contact> found = contacts.search(q, after, page.fetchSize());
    if (found.size() <= page.limit()) {
      return new PageResponse<>(found.stream().map(ContactView::of).toList(), new PageResponse.Links(null));
    }
    List<Contact> shown = found.subList(0, page.limit());
    String next = ServletUriComponentsBuilder.fromCurrentRequest()
        .replaceQueryParam("cursor", ContactCursor.encode(shown.get(shown.size() - 1).id())).toUriString();
    return new PageResponse<>(shown.stream().map(ContactView::of).toList(), new PageResponse.Links(next));
  }

  @GetMapping("/api/v1/contacts/{id}/activity")
  @Operation(summary = "The contact's timeline, newest first; type filters (comma-separated), e.g. coupon-assigned")
  PageResponse<ActivityEntry> getContactActivity(@PathVariable String id, @RequestParam(required = false) String type,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    return activity.page(id, type, PageRequest.of(limit, cursor));
  }

  @PostMapping("/api/v1/events")
  @Operation(summary = "Record an event for a contact; every active workflow triggered by its type starts a run. "
      + "A purchase event's properties.coupons are redeemed (orderId, amount, currency from properties)")
  @ApiResponse(responseCode = "201", description = "Recorded")
  ResponseEntity<EventView> recordEvent(@Valid @RequestBody ContactEventRequest request) {
    ContactEvent e = contacts.record(request);
    return ResponseEntity.status(HttpStatus.CREATED).body(new EventView(e.id(), e.contactId(), e.type(),
        e.properties(), e.occurredAt(), purchases.redeem(e)));
  }

  @PostMapping("/api/v1/events/batch")
  @Operation(summary = "Record 1 to 1,000 events at once, each as POST /api/v1/events would; all or nothing. "
      + "More than 1,000 items: 413. A bad item: 400 naming it (items[3].type) and nothing is stored")
  @ApiResponse(responseCode = "201", description = "Recorded, in request order")
  @ProblemResponse(status = 413, type = "too-many-items", when = "more than 1,000 items")
  ResponseEntity<EventBatchView> recordEventBatch(@RequestBody EventBatchRequest request) {
    List<ContactEventRequest> items = EventBatchRequest.itemsOf(request, validator);
    List<ContactEvent> stored = LockConflicts.retry(() -> contacts.recordAll(items));
    // after the events' own transaction, as for a single event: a code that cannot be redeemed never loses them
    List<EventBatchView.StoredEvent> views = stored.stream()
        .map(e -> new EventBatchView.StoredEvent(e.id(), e.contactId(), e.type(), purchases.redeem(e))).toList();
    return ResponseEntity.status(HttpStatus.CREATED).body(new EventBatchView(views));
  }

  /** Contact ids are strings, so their cursor is the last id seen, encoded. */
  static final class ContactCursor {
    private ContactCursor() {}

    static String encode(String id) {
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(("contact:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
      try {
        String text = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
        if (!text.startsWith("contact:")) {
          throw new IllegalArgumentException();
        }
        return text.substring(8);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("cursor", "cursor is not one this API handed out");
      }
    }
  }
}
