package io.couponflow.importing;

import io.couponflow.code.CodePool;
import io.couponflow.code.NewImportedCode;
import io.couponflow.code.RejectReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The final transaction of an import whose rows were sorted in the application (PostgreSQL): the
 * rows come in key order, so a row whose key equals the previous row's is a duplicate within the
 * file (the first line keeps the code); the others are looked up in {@code code} a few thousand
 * keys per statement, and the new ones are copied into {@code code} in that same key order (each
 * index grows at its right edge). Rejected rows go to the error report. One pass, no staging table,
 * no sort in the database: measured in docs/benchmarks.md.
 */
final class SortedImport {
  private static final int CHUNK = 5000;

  private final CodePool codes;
  private final ImportStaging errors;

  SortedImport(CodePool codes, ImportStaging errors) {
    this.codes = codes;
    this.errors = errors;
  }

  /** Adds the sorted rows' new codes to the set, in the caller's transaction; the tally counts every row. */
  ImportStaging.Tally apply(long importId, long couponSetId, Long childSetId, Instant now, SortedRows sorted) {
    Batch batch = new Batch(importId, couponSetId, childSetId, now);
    sorted.forEachRejected(batch::reject);
    String previousKey = null;
    try (SortedRows.Merge rows = sorted.merged()) {
      while (rows.hasNext()) {
        StagedRow row = rows.next();
        if (row.key().equals(previousKey)) {
          batch.reject(new StagedRow(row.line(), row.value(), null, RejectReason.DUPLICATE_IN_FILE));
        } else {
          batch.candidate(row);
          previousKey = row.key();
        }
      }
    }
    batch.flush();
    return new ImportStaging.Tally(batch.added + batch.rejected, batch.rejected);
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

    void candidate(StagedRow row) {
      candidates.add(row);
      if (candidates.size() == CHUNK) {
        addCandidates();
      }
    }

    void reject(StagedRow row) {
      rejects.add(row);
      rejected++;
      if (rejects.size() == CHUNK) {
        writeRejects();
      }
    }

    void flush() {
      addCandidates();
      writeRejects();
    }

    private void addCandidates() {
      if (candidates.isEmpty()) {
        return;
      }
      Set<String> existing = codes.existingKeys(candidates.stream().map(StagedRow::key).toList());
      List<NewImportedCode> fresh = new ArrayList<>(candidates.size());
      for (StagedRow row : candidates) {
        if (existing.contains(row.key())) {
          reject(new StagedRow(row.line(), row.value(), null, RejectReason.ALREADY_EXISTS));
        } else {
          fresh.add(new NewImportedCode(row.value(), row.key(), row.fields()));
        }
      }
      candidates.clear();
      if (!fresh.isEmpty()) {
        codes.appendImported(couponSetId, childSetId, importId, now, fresh);
        added += fresh.size();
      }
    }

    private void writeRejects() {
      if (!rejects.isEmpty()) {
        errors.appendErrors(importId, rejects);
        rejects.clear();
      }
    }
  }
}
