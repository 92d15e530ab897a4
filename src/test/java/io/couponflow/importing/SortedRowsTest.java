package io.couponflow.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.code.RejectReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class SortedRowsTest {
  private static List<StagedRow> read(SortedRows sorted) {
    List<StagedRow> rows = new ArrayList<>();
    try (SortedRows.Merge merge = sorted.merged()) {
      merge.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** Rows in file order, some keys repeated, some rejected by the file checks; runs as small as a few rows. */
  @Property(tries = 200)
  void theMergeOfAnyRunsGivesEveryCandidateOnceInKeyThenLineOrderAndCanBeReadAgain(
      @ForAll @Size(max = 300) List<@StringLength(min = 1, max = 6) String> keys,
      @ForAll @IntRange(min = 20, max = 2000) int runChars) throws IOException {
    Path dir = Files.createTempDirectory("sorted-rows-test");
    try {
      SortedRows sorted = new SortedRows(dir.resolve("attempt"), runChars);
      List<StagedRow> candidates = new ArrayList<>();
      List<StagedRow> rejected = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i).toUpperCase();
        StagedRow row = key.startsWith("Z")
            ? new StagedRow(i + 2, keys.get(i), null, RejectReason.INVALID)
            : new StagedRow(i + 2, keys.get(i), key, null, i % 3 == 0 ? "{\"value\":\"" + i + "\"}" : null);
        (row.key() == null ? rejected : candidates).add(row);
        sorted.add(row);
      }
      sorted.finish();

      List<StagedRow> expected = candidates.stream().sorted(SortedRows.ORDER).toList();
      assertThat(read(sorted)).containsExactlyElementsOf(expected);
      assertThat(read(sorted)).as("read again, as a retried transaction does").containsExactlyElementsOf(expected);
      List<StagedRow> back = new ArrayList<>();
      sorted.forEachRejected(back::add);
      assertThat(back).containsExactlyElementsOf(rejected);
      assertThat(sorted.rejectedCount()).isEqualTo(rejected.size());
    } finally {
      ImportFiles.deleteTree(dir);
    }
  }

  @Property(tries = 50)
  void runFilesKeepValuesFieldsAndReasonsAsTheyWere(@ForAll @Size(min = 1, max = 50) List<@StringLength(min = 1, max = 300) String> values)
      throws IOException {
    Path dir = Files.createTempDirectory("sorted-rows-test");
    try {
      SortedRows sorted = new SortedRows(dir, 1);
      List<StagedRow> rows = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        StagedRow row = new StagedRow(i + 1, values.get(i), values.get(i) + "#" + i, null, "{\"f\":\"" + i + "\"}");
        rows.add(row);
        sorted.add(row);
      }
      sorted.finish();

      assertThat(read(sorted)).containsExactlyElementsOf(rows.stream().sorted(SortedRows.ORDER).toList());
      try (var files = Files.list(dir)) {
        assertThat(files.count()).as("one run file per row at this budget").isEqualTo(values.size());
      }
    } finally {
      ImportFiles.deleteTree(dir);
    }
  }
}
