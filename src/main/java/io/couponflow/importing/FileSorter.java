package io.couponflow.importing;

/**
 * Reads an import file once, streaming, into {@link SortedRows}: the first half of an import that
 * sorts in the application. Progress is reported every {@code batchSize} rows; its answer can stop
 * the reading.
 */
final class FileSorter {
  /** Told after each batch of rows; answers false to stop (the import was cancelled or taken over). */
  interface Progress {
    boolean afterBatch(long total, long errors, int percentRead);
  }

  private final int batchSize;

  FileSorter(int batchSize) {
    this.batchSize = batchSize;
  }

  /** The rows read (and how many the file checks rejected), or null when {@code progress} asked to stop. */
  ImportStaging.Tally sort(CodeFile file, boolean skipHeader, int column, FieldColumns fields, SortedRows sorted,
      Progress progress) {
    long total = 0;
    long errors = 0;
    if (skipHeader) {
      file.next();
    }
    for (CodeFile.Line line = file.next(); line != null; line = file.next()) {
      StagedRow row = StagedRow.of(line, column, fields);
      if (row == null) {
        continue;
      }
      sorted.add(row);
      total++;
      if (row.reason() != null) {
        errors++;
      }
      if (total % batchSize == 0 && !progress.afterBatch(total, errors, file.percentRead())) {
        return null;
      }
    }
    sorted.finish();
    if (!progress.afterBatch(total, errors, 100)) {
      return null;
    }
    return new ImportStaging.Tally(total, errors);
  }
}
