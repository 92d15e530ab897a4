package io.couponflow.contact;

import java.util.List;

/** Up to {@link #MAX_ITEMS} events, each what POST /api/v1/events takes. */
record EventBatchRequest(List<ContactEventRequest> items) {
  static final int MAX_ITEMS = 1000;
}
