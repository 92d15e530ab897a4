package io.couponflow.delivery;

import java.time.Instant;

/** An email as stored: status outbox (no SMTP server configured), sent, failed, or sending. */
public record EmailMessage(long id, Long runId, String contactId, String to, String subject, String html,
    String status, String error, Instant createdAt, Instant sentAt) {}
