package io.couponflow.code;

import java.time.Instant;

import java.util.Map;

/** A code as listed: its fields ({@code {}} when it has none) come from its import or POST /codes. */
public record Code(long id, String code, CodeStatus status, Long childSetId, Instant createdAt,
    Map<String, String> fields) {}
