package io.couponflow.importing;

import java.time.Instant;

/**
 * An import as the API shows it. {@code status}: queued, inProgress, finished, error or cancelled;
 * {@code origin}: api or app. While inProgress, {@code total} counts the rows read so far. {@code failure}
 * says why an import ended in error (null otherwise); none of a failed import's codes were added.
 */
public record ImportView(
    long id,
    String type,
    String status,
    String origin,
    long couponSetId,
    Long childSetId,
    String fileName,
    long total,
    long success,
    long errors,
    String errorReportUrl,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String failure) {}
