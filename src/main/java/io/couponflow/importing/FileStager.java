package io.couponflow.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads an import file once, streaming, and appends its non-blank values to the staging table in
 * batches. While one batch is written (COPY on PostgreSQL) the next is parsed, so the database and
 * the parser work at the same time; the heap holds two batches at most, whatever the file's size.
 */
final class FileStager {
  /** Told after each batch is stored; answers false to stop (the import was cancelled or taken over). */
  interface Progress {
    boolean afterBatch(long total, long errors, int percentRead);
  }

  private final ImportStaging staging;
  private final int batchSize;

  FileStager(ImportStaging staging, int batchSize) {
    this.staging = staging;
    this.batchSize = batchSize;
  }

  /** What was handed to the writer: a batch in flight and the tally once it is stored. */
  private record Flight(Future<?> write, long total, long errors, int percentRead) {}

  /** The rows staged, or null when {@code progress} asked to stop. */
  ImportStaging.Tally stage(long importId, int attempt, CodeFile file, boolean skipHeader, int column, Progress progress) {
    ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "import-" + importId + "-writer");
      thread.setDaemon(true);
      return thread;
    });
    Flight flight = null;
    try {
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
          if (flight != null && !landed(flight, progress)) {
            return null;
          }
          flight = launch(writer, importId, attempt, batch, total, errors, file.percentRead());
          batch = new ArrayList<>(batchSize);
        }
      }
      if (flight != null && !landed(flight, progress)) {
        return null;
      }
      flight = launch(writer, importId, attempt, batch, total, errors, 100);
      if (!landed(flight, progress)) {
        return null;
      }
      return new ImportStaging.Tally(total, errors);
    } finally {
      // never return while a batch is still being written: a successor attempt clears staging first
      if (flight != null) {
        try {
          flight.write().get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
          // already thrown to the caller by landed(), or superseded by what is being thrown now
        }
      }
      writer.shutdownNow();
    }
  }

  private Flight launch(ExecutorService writer, long importId, int attempt, List<StagedRow> batch, long total,
      long errors, int percentRead) {
    return new Flight(writer.submit(() -> staging.append(importId, attempt, batch)), total, errors, percentRead);
  }

  /** Waits until the batch is stored, then reports it. */
  private static boolean landed(Flight flight, Progress progress) {
    try {
      flight.write().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while staging an import", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
    return progress.afterBatch(flight.total(), flight.errors(), flight.percentRead());
  }
}
