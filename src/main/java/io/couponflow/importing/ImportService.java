package io.couponflow.importing;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.couponflow.audit.AuditLog;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.couponset.CouponSet;
import io.couponflow.couponset.CouponSetService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of codes from CSV files and pasted lists. {@link #start} checks everything it can before
 * any work (set, child set, delimiter, UTF-8 text, CSV syntax of the first records, the code
 * column), then queues the import on the job queue; it runs in the background on any node.
 */
@Service
public class ImportService {
  static final int HEAD_RECORDS_CHECKED = 1000;
  /** How many records the wizard's guess of the code column looks at. */
  static final int GUESS_SAMPLE = 200;
  private static final Set<String> ORIGINS = Set.of("api", "app");

  private final ImportRepository imports;
  private final ImportStaging staging;
  private final ImportFiles files;
  private final CouponSetService sets;
  private final Scheduler scheduler;
  private final OneTimeTask<Void> task;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final Clock clock;

  ImportService(ImportRepository imports, ImportStaging staging, ImportFiles files, CouponSetService sets,
      Scheduler scheduler, @Qualifier("importTask") OneTimeTask<Void> importTask, TransactionTemplate tx, AuditLog audit,
      Clock clock) {
    this.imports = imports;
    this.staging = staging;
    this.files = files;
    this.sets = sets;
    this.scheduler = scheduler;
    this.task = importTask;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  /** Validates and queues an import of a CSV file; on success the file is moved into the import store. */
  public ImportView start(ImportCommand command) {
    if (command.delimiter() != ',' && command.delimiter() != ';') {
      throw ApiException.invalid("delimiter", "delimiter must be ',' or ';'");
    }
    return start(command.couponSetId(), command.childSetId(), FileLayout.csv(command.delimiter(), command.hasHeader()),
        command.codeColumn(), command.fields(), command.file(), command.fileName(), command.origin());
  }

  /** Queues an import of a pasted list, one code per line (written to a file first, so it runs like one). */
  public ImportView startText(long couponSetId, Long childSetId, String text, String origin) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("text", "text must hold at least one code");
    }
    Path file = files.newUpload();
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return start(couponSetId, childSetId, FileLayout.lines(), null, "none", file, "pasted list", origin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ImportFiles.deleteQuietly(file);
    }
  }

  private ImportView start(long couponSetId, Long childSetId, FileLayout layout, String codeColumn, String fields,
      Path file, String fileName, String origin) {
    if (!ORIGINS.contains(origin)) {
      throw ApiException.invalid("origin", "origin must be 'api' or 'app'");
    }
    requireMultipleSet(couponSetId, childSetId);
    Inspected inspected = inspect(file, layout, codeColumn, fields);
    int column = inspected.codeColumn();
    String storedName = UploadName.of(fileName);
    long id = tx.execute(status -> {
      long importId = imports.insert(couponSetId, childSetId, storedName, layout, column, inspected.fields(), origin,
          clock.instant());
      audit.record("import.started", "coupon-set", couponSetId, ImportRecord.describe(storedName)
          + (childSetId == null ? "" : " into the child set “" + sets.requireChild(couponSetId, childSetId).name() + "”"));
      files.adopt(importId, file);
      scheduler.schedule(task.instance(Long.toString(importId)), clock.instant());
      return importId;
    });
    startSoon();
    return get(id);
  }

  private void requireMultipleSet(long couponSetId, Long childSetId) {
    CouponSet set;
    try {
      set = sets.require(couponSetId);
    } catch (ApiException e) {
      throw unknown(e, "unknown-coupon-set", "Unknown coupon set");
    }
    if (set.isSingle()) {
      throw ApiException.unprocessable("not-a-multiple-set", "Not a multiple set",
          "Set " + couponSetId + " is a single set: codes are imported into multiple sets");
    }
    if (childSetId != null) {
      try {
        sets.requireChild(couponSetId, childSetId);
      } catch (ApiException e) {
        throw unknown(e, "unknown-child-set", "Unknown child set");
      }
    }
  }

  private static ApiException unknown(ApiException e, String slug, String title) {
    return e.status() == HttpStatus.NOT_FOUND ? ApiException.unprocessable(slug, title, e.getMessage()) : e;
  }

  /**
   * Validates and queues a generated import: {@code count} random codes of {@code pattern}, staged
   * and added as a file's would be (same history, progress, atomicity and cancel).
   */
  public ImportView generate(long couponSetId, Long childSetId, Long count, String pattern, String origin) {
    if (!ORIGINS.contains(origin)) {
      throw ApiException.invalid("origin", "origin must be 'api' or 'app'");
    }
    if (count == null || count < 1 || count > CodePattern.MAX_COUNT) {
      throw ApiException.invalid("count", "count must be 1 to " + CodePattern.MAX_COUNT);
    }
    CodePattern parsed = CodePattern.parse(pattern);
    parsed.requireRoomFor(count);
    requireMultipleSet(couponSetId, childSetId);
    long id = tx.execute(status -> {
      long importId = imports.insertGenerated(couponSetId, childSetId, parsed, count, origin, clock.instant());
      audit.record("import.started", "coupon-set", couponSetId, "import " + importId + ": " + count
          + " codes generated from '" + parsed.text() + "'" + (childSetId == null ? "" : " into child set " + childSetId));
      scheduler.schedule(task.instance(Long.toString(importId)), clock.instant());
      return importId;
    });
    startSoon();
    return get(id);
  }

  /** The code column's index and the columns that become fields. */
  private record Inspected(int codeColumn, FieldColumns fields) {}

  /** Checks the whole file is UTF-8 text and its first records are CSV; answers the code and field columns. */
  private Inspected inspect(Path file, FileLayout layout, String codeColumn, String fields) {
    if (file == null || !Files.isRegularFile(file)) {
      throw ApiException.invalid("file", "a file or a text is required");
    }
    try {
      String notText = FileCheck.whyNotUtf8Text(file);
      if (notText != null) {
        throw unreadable(notText);
      }
      try (CodeFile reader = CodeFile.open(file, layout)) {
        CodeFile.Line first = reader.next();
        if (first == null) {
          throw noCodes("The file is empty: it holds no codes.");
        }
        List<String> firstFields = first.fields().toList();
        int column = CodeColumn.resolve(codeColumn, layout.hasHeader(), firstFields);
        FieldColumns kept = layout.csv() ? FieldColumns.resolve(fields, layout.hasHeader(), firstFields, column)
            : FieldColumns.NONE;
        boolean rowSeen = !layout.hasHeader() && !blank(firstFields);
        boolean codeSeen = !layout.hasHeader() && !first.field(column).isBlank();
        boolean wholeFileRead = false;
        for (int i = 0; i < HEAD_RECORDS_CHECKED; i++) {
          // reading is the check: a syntax error throws
          CodeFile.Line line = reader.next();
          if (line == null) {
            wholeFileRead = true;
            break;
          }
          rowSeen |= !blank(line.fields().toList());
          codeSeen |= !line.field(column).isBlank();
        }
        if (wholeFileRead && !codeSeen) {
          throw noCodes(!rowSeen && layout.hasHeader()
              ? "The file holds only a header row (" + String.join(", ", firstFields) + ") and no codes below it."
              : !rowSeen ? "The file holds only blank lines: no codes."
              : "The code column is blank in every row: the file holds no codes.");
        }
        return new Inspected(column, kept);
      }
    } catch (CodeFile.UnreadableFileException e) {
      throw unreadable("The file is not CSV this import can read (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean blank(List<String> fields) {
    return fields.stream().allMatch(String::isBlank);
  }

  /** A file with nothing to import is refused up front, so it never shows as a finished, empty import. */
  private static ApiException noCodes(String detail) {
    return ApiException.unprocessable("empty-file", "No codes in the file", detail);
  }

  private static ApiException unreadable(String detail) {
    return ApiException.unprocessable("unreadable-file", "Unreadable file", detail);
  }

  public ImportView get(long id) {
    return require(id).view();
  }

  public PageResponse<ImportView> list(Long couponSetId, PageRequest page) {
    List<ImportRecord> found = imports.page(couponSetId, page.beforeId(), page.fetchSize());
    return page.toResponse(found.stream().map(ImportRecord::view).toList(), ImportView::id);
  }

  /** Cancels a queued or running import: none of its codes are added. 409 once it finished or failed. */
  public void cancel(long id) {
    ImportRecord record = require(id);
    if (record.status() == ImportStatus.CANCELLED) {
      return;
    }
    boolean cancelled = Boolean.TRUE.equals(tx.execute(status -> {
      boolean done = imports.cancel(id, clock.instant());
      if (done) {
        audit.record("import.cancelled", "coupon-set", record.couponSetId(), record.describe());
      }
      return done;
    }));
    if (!cancelled) {
      throw ApiException.conflict("import-not-cancellable", "Import is over",
          "Import " + id + " is " + require(id).status().wire() + " and can no longer be cancelled");
    }
  }

  /** Streams the rejected rows of a finished import; 409 while it is still queued or running. */
  public void errors(long id, Consumer<ErrorRow> sink) {
    if (requireErrorReport(id) == ImportStatus.FINISHED) {
      staging.forEachError(id, row -> sink.accept(new ErrorRow(row.line(), row.value(), row.reason().wire())));
    }
  }

  /** Checks, before a response starts streaming, that the import exists and is over (404, 409). */
  ImportStatus requireErrorReport(long id) {
    ImportRecord record = require(id);
    if (!record.status().isOver()) {
      throw ApiException.conflict("import-not-finished", "Import not finished",
          "Import " + id + " is " + record.status().wire() + "; its error report is ready once it has finished");
    }
    return record.status();
  }

  /** One line of an error report. */
  public record ErrorRow(long line, String value, String reason) {}

  /**
   * The first {@code maxRows} records of a file, for the wizard, with a guess of its header and code
   * column made from its first {@link #GUESS_SAMPLE} records. A null delimiter is guessed from the
   * first line (the one of ',' and ';' that occurs more often); a null {@code hasHeader} is guessed
   * from how the first row compares with the rest. Records with only blank fields are skipped.
   */
  public CsvPreview preview(Path file, Character delimiterOrNullToGuess, Boolean hasHeader, int maxRows) {
    try {
      String notText = FileCheck.whyNotUtf8Text(file);
      if (notText != null) {
        throw unreadable(notText);
      }
      char delimiter = delimiterOrNullToGuess != null ? delimiterOrNullToGuess : guessDelimiter(file);
      if (delimiter != ',' && delimiter != ';') {
        throw ApiException.invalid("delimiter", "delimiter must be ',' or ';'");
      }
      List<List<String>> records = new ArrayList<>();
      try (CodeFile reader = CodeFile.open(file, FileLayout.csv(delimiter, false))) {
        int wanted = Math.max(maxRows, GUESS_SAMPLE) + 1;
        for (CodeFile.Line line = reader.next(); line != null && records.size() < wanted; line = reader.next()) {
          List<String> fields = line.fields().toList();
          if (fields.stream().allMatch(String::isBlank)) {
            continue;
          }
          records.add(fields);
        }
      }
      CodeColumnGuess guess;
      List<String> header;
      List<List<String>> rows;
      if (hasHeader == null) {
        guess = CodeColumnGuesser.guess(records);
      } else {
        guess = hasHeader && !records.isEmpty()
            ? CodeColumnGuesser.guess(records.get(0), records.subList(1, records.size()))
            : CodeColumnGuesser.guess(null, records);
      }
      if (guess.hasHeader() && !records.isEmpty()) {
        header = records.get(0).stream().map(String::strip).toList();
        rows = records.subList(1, records.size());
      } else {
        header = null;
        rows = records;
      }
      int width = header == null ? 0 : header.size();
      for (List<String> row : rows) {
        width = Math.max(width, row.size());
      }
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        String name = header != null && i < header.size() ? header.get(i) : "";
        columns.add(name.isEmpty() ? "Column " + (i + 1) : name);
      }
      List<List<String>> shown = List.copyOf(rows.subList(0, Math.min(maxRows, rows.size())));
      return new CsvPreview(delimiter, guess.hasHeader(), List.copyOf(columns), shown, guess);
    } catch (CodeFile.UnreadableFileException e) {
      throw unreadable("The file is not CSV this import can read (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Looks at the first line only, and at no more than its first 64K characters (a file may be one huge line). */
  private static char guessDelimiter(Path file) throws IOException {
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] head = new char[1 << 16];
      int read = reader.read(head);
      if (read <= 0) {
        return ',';
      }
      String first = new String(head, 0, read).lines().findFirst().orElse("");
      long commas = first.chars().filter(c -> c == ',').count();
      long semicolons = first.chars().filter(c -> c == ';').count();
      return semicolons > commas ? ';' : ',';
    }
  }

  private ImportRecord require(long id) {
    return imports.find(id).orElseThrow(() -> ApiException.notFound("Import", id));
  }

  /**
   * The scheduler looks for due work when a job is scheduled, but that is inside the transaction
   * that makes it visible: look again now that it committed, instead of at the next poll (up to half
   * a second later).
   */
  private void startSoon() {
    scheduler.triggerCheckForDueExecutions();
  }
}
