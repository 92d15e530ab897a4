package io.couponflow.importing;

import io.couponflow.code.CodePool;
import io.couponflow.code.NewImportedCode;
import io.couponflow.code.RejectReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * The final transaction of an import whose rows were sorted in the application (PostgreSQL): the
 * rows come in key order, so a row whose key equals the previous row's is a duplicate within the
 * file (the first line keeps the code); the others are copied into {@code code} in that same key
 * order (each index grows at its right edge), a few thousand per COPY, and the unique key finds the
 * codes that exist (a batch that meets one is looked up and copied again without them). Rejected rows go to the error report. One pass, no staging table,
 * no sort in the database: measured in docs/benchmarks.md.
 */
final class SortedImport {
  private static final int CHUNK = 20_000;

  private final CodePool codes;
  private final ImportStaging errors;

  SortedImport(CodePool codes, ImportStaging errors) {
    this.codes = codes;
    this.errors = errors;
  }

  /** Adds the sorted rows' new codes to the set, in the caller's transaction; the tally counts every row. */
  ImportStaging.Tally apply(long importId, long couponSetId, Long childSetId, Instant now, SortedRows sorted) {
    return apply(importId, couponSetId, childSetId, now, sorted, rowsSoFar -> {});
  }

  /**
   * As above; {@code afterChunk} is told the rows handled so far after each chunk, and may throw to
   * give the transaction up (a stopping node hands the import back rather than finish a long copy).
   */
  ImportStaging.Tally apply(long importId, long couponSetId, Long childSetId, Instant now, SortedRows sorted,
      LongConsumer afterChunk) {
    Batch batch = new Batch(importId, couponSetId, childSetId, now);
    sorted.forEachRejected(batch::reject);
    // a helper thread merges the runs into chunks while this one copies the previous chunk
    BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
    ExecutorService merger = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "import-" + importId + "-merge");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Future<?> merging = merger.submit(() -> merge(sorted, chunks));
      for (Chunk chunk = chunks.take(); chunk != Chunk.END; chunk = chunks.take()) {
        chunk.duplicates().forEach(batch::reject);
        batch.add(chunk.candidates());
        afterChunk.accept(batch.added + batch.rejected);
      }
      merging.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while adding the codes of import " + importId, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } finally {
      merger.shutdownNow();
    }
    batch.flush();
    return new ImportStaging.Tally(batch.added + batch.rejected, batch.rejected);
  }

  /** Rows in key order cut into chunks: the first of each key is a candidate, the others duplicates. */
  private record Chunk(List<StagedRow> candidates, List<StagedRow> duplicates) {
    static final Chunk END = new Chunk(List.of(), List.of());
  }

  private static void merge(SortedRows sorted, BlockingQueue<Chunk> chunks) {
    try (SortedRows.Merge rows = sorted.merged()) {
      String previousKey = null;
      List<StagedRow> candidates = new ArrayList<>(CHUNK);
      List<StagedRow> duplicates = new ArrayList<>();
      while (rows.hasNext()) {
        StagedRow row = rows.next();
        if (row.key().equals(previousKey)) {
          duplicates.add(new StagedRow(row.line(), row.value(), null, RejectReason.DUPLICATE_IN_FILE));
        } else {
          candidates.add(row);
          previousKey = row.key();
          if (candidates.size() == CHUNK) {
            chunks.put(new Chunk(candidates, duplicates));
            candidates = new ArrayList<>(CHUNK);
            duplicates = new ArrayList<>();
          }
        }
      }
      chunks.put(new Chunk(candidates, duplicates));
      chunks.put(Chunk.END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the copying thread stops at END and then reads the failure from the future
      chunks.clear();
      chunks.offer(Chunk.END);
      throw e;
    }
  }

  /** Candidates and rejected rows on their way to the database, a chunk at a time. */
  private final class Batch {
    private final long importId;
    private final long couponSetId;
    private final Long childSetId;
    private final Instant now;
    private final List<StagedRow> candidates = new ArrayList<>(CHUNK);
    private final List<StagedRow> rejects = new ArrayList<>(CHUNK);
    private long added;
    private long rejected;

    Batch(long importId, long couponSetId, Long childSetId, Instant now) {
      this.importId = importId;
      this.couponSetId = couponSetId;
      this.childSetId = childSetId;
      this.now = now;
    }

    void add(List<StagedRow> rows) {
      candidates.addAll(rows);
      addCandidates();
    }

    void reject(StagedRow row) {
      rejects.add(row);
      rejected++;
      if (rejects.size() == CHUNK) {
        writeRejects();
      }
    }

    void flush() {
      writeRejects();
    }

    private void addCandidates() {
      if (candidates.isEmpty()) {
        return;
      }
      List<NewImportedCode> batch = new ArrayList<>(candidates.size());
      for (StagedRow row : candidates) {
        batch.add(new NewImportedCode(row.value(), row.key(), row.fields()));
      }
      Set<String> existing = codes.appendImported(couponSetId, childSetId, importId, now, batch);
      for (StagedRow row : candidates) {
        if (existing.contains(row.key())) {
          reject(new StagedRow(row.line(), row.value(), null, RejectReason.ALREADY_EXISTS));
        }
      }
      added += candidates.size() - existing.size();
      candidates.clear();
    }

    private void writeRejects() {
      if (!rejects.isEmpty()) {
        errors.appendErrors(importId, rejects);
        rejects.clear();
      }
    }
  }
}
