package io.couponflow.importing;

import java.time.Instant;

/**
 * An import as the API shows it. {@code status}: queued, inProgress, finished, error or cancelled;
 * {@code origin}: api or app. While inProgress, {@code total} counts the rows read so far, {@code phase}
 * says what the import is doing ({@code reading} the file, {@code checking} it for duplicates,
 * {@code adding} the codes in one transaction) and {@code percent} how much of that phase is done
 * (reading: the share of the file read; null where the database cannot say, see
 * {@link ImportPhase}); both are null once the import is over. {@code failure}
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
    String failure,
    String phase,
    Integer percent) {}
