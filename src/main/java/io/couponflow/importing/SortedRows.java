package io.couponflow.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * An import's rows sorted by code key, then line, in a bounded heap: rows are kept in memory up to
 * {@code runChars} characters, then sorted and spilled to a run file in {@code dir}; reading merges
 * the runs (one in memory when the import was small). A full run is sorted and written by a
 * helper thread while the next one is read (two runs in the heap at most). Rows without a key (rejected by the file
 * checks) are kept apart, in line order. Rows can be read again (the final transaction may be
 * retried). The caller deletes {@code dir}.
 */
final class SortedRows {
  static final Comparator<StagedRow> ORDER = Comparator.comparing(StagedRow::key).thenComparingLong(StagedRow::line);

  private final Path dir;
  private final long runChars;
  private final List<Path> runs = new ArrayList<>();
  private List<StagedRow> current = new ArrayList<>();
  private long currentChars;
  private final Path rejectedFile;
  private RowSpill.Writer rejected;
  private long rejectedCount;
  private java.util.concurrent.ExecutorService spiller;
  private java.util.concurrent.Future<?> spilling;

  SortedRows(Path dir, long runChars) {
    this.dir = dir;
    this.runChars = runChars;
    this.rejectedFile = dir.resolve("rejected.bin");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void add(StagedRow row) {
    if (row.key() == null) {
      if (rejected == null) {
        rejected = new RowSpill.Writer(rejectedFile);
      }
      rejected.write(row);
      rejectedCount++;
      return;
    }
    current.add(row);
    // a row costs about its characters twice (value and key) and some 100 bytes of objects
    currentChars += row.value().length() + row.key().length() + (row.fields() == null ? 0 : row.fields().length()) + 50;
    if (currentChars >= runChars) {
      spill();
    }
  }

  /** No more rows: what was read is written down (or kept, when it all fits in one run). */
  void finish() {
    if (rejected != null) {
      rejected.close();
      rejected = null;
    }
    if (!runs.isEmpty() && !current.isEmpty()) {
      spill();
    }
    awaitSpill();
    if (spiller != null) {
      spiller.shutdown();
      spiller = null;
    }
    current.sort(ORDER);
  }

  /** Stops the helper thread of a sort that is given up (an import stopped while reading). */
  void abandon() {
    if (spiller != null) {
      spiller.shutdownNow();
      spiller = null;
    }
  }

  long rejectedCount() {
    return rejectedCount;
  }

  /** The rows the file checks rejected, in line order. */
  void forEachRejected(Consumer<StagedRow> consumer) {
    if (rejectedCount == 0) {
      return;
    }
    try (RowSpill.Reader reader = new RowSpill.Reader(rejectedFile)) {
      for (StagedRow row = reader.next(); row != null; row = reader.next()) {
        consumer.accept(row);
      }
    }
  }

  /** The candidates in key order, then line order; close the iterator when done. */
  Merge merged() {
    return new Merge();
  }

  private void spill() {
    awaitSpill();
    if (spiller == null) {
      spiller = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "import-sort-" + dir.getFileName());
        thread.setDaemon(true);
        return thread;
      });
    }
    List<StagedRow> full = current;
    Path run = dir.resolve("run-" + runs.size() + ".bin");
    runs.add(run);
    spilling = spiller.submit(() -> {
      full.sort(ORDER);
      try (RowSpill.Writer writer = new RowSpill.Writer(run)) {
        full.forEach(writer::write);
      }
    });
    current = new ArrayList<>();
    currentChars = 0;
  }

  private void awaitSpill() {
    if (spilling == null) {
      return;
    }
    try {
      spilling.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sorting an import", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } finally {
      spilling = null;
    }
  }

  /** A k-way merge of the runs (or the one run in memory). */
  final class Merge implements Iterator<StagedRow>, AutoCloseable {
    private record Head(StagedRow row, RowSpill.Reader reader) {}

    private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::row, ORDER));
    private final List<RowSpill.Reader> readers = new ArrayList<>();
    private final Iterator<StagedRow> inMemory;

    private Merge() {
      if (runs.isEmpty()) {
        inMemory = current.iterator();
        return;
      }
      inMemory = null;
      for (Path run : runs) {
        RowSpill.Reader reader = new RowSpill.Reader(run);
        readers.add(reader);
        StagedRow first = reader.next();
        if (first != null) {
          heads.add(new Head(first, reader));
        }
      }
    }

    @Override
    public boolean hasNext() {
      return inMemory != null ? inMemory.hasNext() : !heads.isEmpty();
    }

    @Override
    public StagedRow next() {
      if (inMemory != null) {
        return inMemory.next();
      }
      Head head = heads.poll();
      if (head == null) {
        throw new NoSuchElementException();
      }
      StagedRow following = head.reader().next();
      if (following != null) {
        heads.add(new Head(following, head.reader()));
      }
      return head.row();
    }

    @Override
    public void close() {
      readers.forEach(RowSpill.Reader::close);
    }
  }
}
