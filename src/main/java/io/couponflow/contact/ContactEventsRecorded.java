package io.couponflow.contact;

import java.util.List;

/** Events just stored (one, or a batch), published inside the transaction that stored them, in request order. */
public record ContactEventsRecorded(List<ContactEvent> events) {}
