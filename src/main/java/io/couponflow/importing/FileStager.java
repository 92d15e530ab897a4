package io.couponflow.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an import file once, streaming, and appends its non-blank values to the staging table in
 * batches; the heap holds one batch at a time whatever the file's size.
 */
final class FileStager {
  /** Told after each batch; answers false to stop (the import was cancelled or taken over). */
  interface Progress {
    boolean afterBatch(long total, long errors);
  }

  private final ImportStaging staging;
  private final int batchSize;

  FileStager(ImportStaging staging, int batchSize) {
    this.staging = staging;
    this.batchSize = batchSize;
  }

  /** The rows staged, or null when {@code progress} asked to stop. */
  ImportStaging.Tally stage(long importId, int attempt, CodeFile file, boolean skipHeader, int column, Progress progress) {
    List<StagedRow> batch = new ArrayList<>(batchSize);
    long total = 0;
    long errors = 0;
    if (skipHeader) {
      file.next();
    }
    for (CodeFile.Line line = file.next(); line != null; line = file.next()) {
      StagedRow row = StagedRow.of(line.number(), line.field(column));
      if (row == null) {
        continue;
      }
      batch.add(row);
      total++;
      if (row.reason() != null) {
        errors++;
      }
      if (batch.size() == batchSize) {
        staging.append(importId, attempt, batch);
        batch.clear();
        if (!progress.afterBatch(total, errors)) {
          return null;
        }
      }
    }
    staging.append(importId, attempt, batch);
    if (!progress.afterBatch(total, errors)) {
      return null;
    }
    return new ImportStaging.Tally(total, errors);
  }
}
