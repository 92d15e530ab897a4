package io.couponflow.couponset;

import java.time.Instant;

public record ChildSet(long id, long couponSetId, String name, Instant createdAt) {}
