package io.couponflow.importing;

import io.couponflow.audit.AuditLog;
import io.couponflow.code.CodePool;
import io.couponflow.couponset.Counters;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.jobs.NodeStopping;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: read the file into sorted runs ({@link SortedRows}; generated codes are drawn
 * into the staging table instead), then in ONE transaction add the new codes, report the rejected
 * rows, count them and finish the import row. Whatever happens before that commit leaves no code
 * behind; a rerun starts a new attempt from the file.
 */
@Component
class ImportRunner {
  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
  private static final int APPLY_ATTEMPTS = 3;
  /** Rows sorted in memory before a run is spilled to a file: about 16 MB of heap (some 100,000 codes). */
  static final long SORT_RUN_CHARS = 8_000_000;

  /** A test seam: told after each staged batch, inside the runner's thread. */
  interface BatchListener {
    BatchListener NONE = (importId, total) -> {};

    void afterBatch(long importId, long total);
  }

  private final ImportRepository imports;
  private final ImportStaging staging;
  private final ImportFiles files;
  private final CodePool codes;
  private final CouponSetService sets;
  private final AuditLog audit;
  private final NodeStopping stopping;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final int batchSize;

  ImportRunner(ImportRepository imports, ImportStaging staging, ImportFiles files, CodePool codes,
      CouponSetService sets, AuditLog audit, NodeStopping stopping, TransactionTemplate tx,
      ApplicationEventPublisher events, Clock clock, @Value("${couponflow.imports.batch-size:10000}") int batchSize) {
    this.imports = imports;
    this.staging = staging;
    this.files = files;
    this.codes = codes;
    this.sets = sets;
    this.audit = audit;
    this.stopping = stopping;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  void run(long importId) {
    run(importId, batchSize, BatchListener.NONE);
  }

  void run(long importId, int batchSize, BatchListener listener) {
    Optional<ImportRecord> found = imports.find(importId);
    if (found.isEmpty()) {
      return;
    }
    ImportRecord record = found.get();
    if (record.status().isOver()) {
      // a rerun after the import was applied, cancelled or failed: only tidy up
      tidyUp(record);
      return;
    }
    Optional<Integer> started = imports.startAttempt(importId, clock.instant());
    if (started.isEmpty()) {
      tidyUp(imports.find(importId).orElse(record));
      return;
    }
    int attempt = started.get();
    long startedAt = System.nanoTime();
    SortedRows sorted = null;
    try {
      staging.clear(importId);
      ImportStaging.Tally staged;
      FileSorter.Progress progress = (total, errors, percentRead) -> {
        listener.afterBatch(importId, total);
        if (stopping.now()) {
          throw new NodeStopping.JobReleasedException("Import " + importId + " attempt " + attempt
              + " released at row " + total + ": this node is stopping; another node resumes it");
        }
        return imports.progress(importId, attempt, total, errors, percentRead);
      };
      if (record.isGenerated()) {
        staged = new CodeGenerator(staging, tx, batchSize).stage(importId, attempt, CodePattern.parse(record.pattern()),
            record.requested(), progress);
      } else {
        sorted = new SortedRows(files.sortDirOf(importId, attempt), SORT_RUN_CHARS);
        try (CodeFile file = CodeFile.open(files.pathOf(importId), record.layout())) {
          staged = new FileSorter(batchSize).sort(file, record.layout().hasHeader(), record.codeColumn(),
              record.fields(), sorted, progress);
        }
      }
      if (staged != null) {
        long stagedAt = System.nanoTime();
        if (sorted == null) {
          staging.analyze();
        }
        if (sorted == null && staging.marksDuplicatesFirst() && imports.phase(importId, attempt, ImportPhase.CHECKING)) {
          tx.executeWithoutResult(status -> staging.markDuplicatesInFile(importId, attempt));
        }
        long dedupedAt = System.nanoTime();
        if (imports.phase(importId, attempt, ImportPhase.ADDING)) {
          apply(record, attempt, staged, sorted);
        }
        log.info("Import {} attempt {}: {} rows {} in {} ms, duplicates found in {} ms, applied in {} ms", importId,
            attempt, staged.total(), sorted == null ? "staged" : "read and sorted", (stagedAt - startedAt) / 1_000_000,
            (dedupedAt - stagedAt) / 1_000_000, (System.nanoTime() - dedupedAt) / 1_000_000);
      }
    } catch (NodeStopping.JobReleasedException e) {
      log.info(e.getMessage());
      throw e;
    } catch (CodeGenerator.PatternExhaustedException e) {
      log.info("Import {} stopped: {}", importId, e.getMessage());
      failed(record, attempt, "The pattern ran out of new codes (" + e.getMessage() + "). None of its codes were added.");
    } catch (CodeFile.UnreadableFileException e) {
      log.info("Import {} stopped: {}", importId, e.getMessage());
      failed(record, attempt, "The file is not CSV this import can read (" + e.getMessage()
          + "). None of its codes were added.");
    } catch (Exception e) {
      log.warn("Import {} failed", importId, e);
      failed(record, attempt, "The import failed on the server (see the server log for import " + importId
          + "). None of its codes were added; start it again.");
    } finally {
      if (sorted != null) {
        sorted.abandon();
        ImportFiles.deleteTree(files.sortDirOf(importId, attempt));
      }
    }
    tidyUp(imports.find(importId).orElse(record));
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void failed(ImportRecord record, int attempt, String why) {
    tx.executeWithoutResult(status -> {
      if (imports.fail(record.id(), attempt, why, clock.instant())) {
        audit.record("import.failed", "coupon-set", record.couponSetId(), record.describe() + ": " + why);
        events.publishEvent(new ImportEvents.ImportFailed(record.id(), record.couponSetId(), record.childSetId(),
            record.fileName(), why, clock.instant()));
      }
    });
  }

  /** The one transaction that makes an import's codes appear, all at once, at most once. */
  private void apply(ImportRecord record, int attempt, ImportStaging.Tally staged, SortedRows sorted) {
    long importId = record.id();
    for (int round = 1; ; round++) {
      try {
        tx.executeWithoutResult(status -> {
          if (!imports.lockForFinish(importId, attempt)) {
            return;
          }
          if (!sets.holdForNewCodes(record.couponSetId(), record.childSetId())) {
            failed(record, attempt, "The " + (record.childSetId() == null ? "coupon set" : "coupon set or child set")
                + " was deleted while the import ran. None of its codes were added.");
            return;
          }
          ImportStaging.Tally tally = sorted == null
              ? staging.apply(importId, attempt, record.couponSetId(), record.childSetId(), clock.instant())
              : new SortedImport(codes, staging).apply(importId, record.couponSetId(), record.childSetId(),
                  clock.instant(), sorted, rows -> {
                    if (stopping.now()) {
                      throw new NodeStopping.JobReleasedException("Import " + importId + " attempt " + attempt
                          + " released at row " + rows + " of adding (rolled back): this node is stopping; another node resumes it");
                    }
                  });
          if (tally.total() != staged.total()) {
            throw new IllegalStateException("import " + importId + " staged " + staged.total() + " rows but sorted out "
                + tally.total());
          }
          long added = tally.success();
          if (added > 0) {
            sets.count(record.couponSetId(), record.childSetId() == null ? 0 : record.childSetId(),
                new Counters(added, 0, 0, 0));
          }
          imports.finish(importId, attempt, tally.total(), added, tally.errors(), clock.instant());
          audit.record("import.finished", "coupon-set", record.couponSetId(), record.describe() + ": "
              + count(added, "code") + " added, " + count(tally.errors(), "row") + " rejected");
          events.publishEvent(new ImportEvents.ImportFinished(importId, record.couponSetId(), record.childSetId(),
              record.fileName(), tally.total(), added, tally.errors(), clock.instant()));
        });
        return;
      } catch (DuplicateKeyException raced) {
        // another import or call added one of these codes meanwhile: check existing codes again
        if (round == APPLY_ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  /** Once an import is over its file and staging rows go; a finished import keeps its error report. */
  private void tidyUp(ImportRecord current) {
    if (current.status().isOver()) {
      staging.clear(current.id());
      files.deleteSortDirs(current.id());
      if (current.status() != ImportStatus.FINISHED) {
        staging.clearErrors(current.id());
      }
      files.delete(current.id());
    }
  }
}
