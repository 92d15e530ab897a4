package io.couponflow.importing;

import java.time.Instant;

/** Published inside the transaction that ends an import, like the assignment events. */
public final class ImportEvents {
  private ImportEvents() {}

  /** The import's codes went in: {@code added} of {@code total} rows, {@code errors} rejected. */
  public record ImportFinished(long importId, long couponSetId, Long childSetId, String fileName, long total,
      long added, long errors, Instant at) {}

  /** The import stopped without adding any code, for {@code reason}. */
  public record ImportFailed(long importId, long couponSetId, Long childSetId, String fileName, String reason,
      Instant at) {}
}
