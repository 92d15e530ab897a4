package io.couponflow.contact;

import io.couponflow.common.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Up to {@link #MAX_ITEMS} events, each what POST /api/v1/events takes. */
record EventBatchRequest(List<ContactEventRequest> items) {
  static final int MAX_ITEMS = 1000;

  /**
   * The items, each checked by the rules of a single event before anything is stored: the first bad
   * one is named by its index (400); more than MAX_ITEMS is a 413, as the client must split, not fix.
   */
  static List<ContactEventRequest> itemsOf(EventBatchRequest request, Validator validator) {
    List<ContactEventRequest> items = request == null ? null : request.items();
    if (items == null || items.isEmpty()) {
      throw ApiException.invalid("items", "items must hold 1 to " + MAX_ITEMS + " events");
    }
    if (items.size() > MAX_ITEMS) {
      throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-many-items", "Too many items",
          "A batch holds at most " + MAX_ITEMS + " events; this one has " + items.size(), "items");
    }
    for (int i = 0; i < items.size(); i++) {
      String at = "items[" + i + "]";
      if (items.get(i) == null) {
        throw ApiException.invalid(at, at + " must be an event");
      }
      var first = validator.validate(items.get(i)).stream()
          .min(Comparator.comparing((ConstraintViolation<ContactEventRequest> v) -> v.getPropertyPath().toString()));
      if (first.isPresent()) {
        String field = at + "." + first.get().getPropertyPath();
        throw ApiException.invalid(field, field + " " + first.get().getMessage());
      }
    }
    return items;
  }
}
