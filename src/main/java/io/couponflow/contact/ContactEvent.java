package io.couponflow.contact;

import java.time.Instant;
import java.util.Map;

/** An event stored for a contact; published inside the transaction that stored it, so workflows start atomically. */
public record ContactEvent(long id, String contactId, String type, Map<String, Object> properties, Instant occurredAt) {}
