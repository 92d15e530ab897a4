package io.couponflow.code;

import java.time.Instant;

public record Code(long id, String code, CodeStatus status, Long childSetId, Instant createdAt) {}
