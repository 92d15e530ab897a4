package io.couponflow.importing;

import java.nio.file.Path;

/**
 * What to import. {@code codeColumn} is a header name (any case) or a 1-based index; null picks
 * the column named {@code code}, else the first. {@code origin} is "api" or "app". When an import
 * starts, the service takes the file over (moves it); when validation fails the file is left alone.
 * {@code fields}: which other columns the codes keep, "all" (null), "none" or a comma-separated list.
 */
public record ImportCommand(
    long couponSetId,
    Long childSetId,
    char delimiter,
    boolean hasHeader,
    String codeColumn,
    Path file,
    String fileName,
    String origin,
    String fields) {
  public ImportCommand(long couponSetId, Long childSetId, char delimiter, boolean hasHeader, String codeColumn,
      Path file, String fileName, String origin) {
    this(couponSetId, childSetId, delimiter, hasHeader, codeColumn, file, fileName, origin, null);
  }
}
