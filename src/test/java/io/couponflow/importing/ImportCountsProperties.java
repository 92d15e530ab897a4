package io.couponflow.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.code.CodePool;
import io.couponflow.db.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Random files through the real parser, rules and set-based staging SQL (on an embedded H2, no
 * Spring) give the counts, the error report and the codes added of a simple model that reads the
 * lines one by one.
 */
class ImportCountsProperties {
  private static final SingleConnectionDataSource DB = new SingleConnectionDataSource(
      "jdbc:h2:mem:import-properties;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "sa", "", true);
  private static final JdbcClient JDBC = JdbcClient.create(DB);
  private static final AtomicLong TRIES = new AtomicLong();
  private static final long SET_ID;

  static {
    Flyway.configure().dataSource(DB).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
    JDBC.sql("""
        INSERT INTO coupon_set (id, name, type, assignment_policy, created_at, updated_at)
        VALUES (1, 'existing', 'multiple', 'once-per-contact', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").update();
    SET_ID = 1;
  }

  /** How one line of a generated file looks. */
  record Line(String value, boolean quoted, String lineEnd) {}

  record GeneratedFile(List<Line> lines, boolean header, boolean bom, boolean twoColumns, int batchSize) {}

  @Property(tries = 150)
  void countsAndErrorReportMatchTheModel(@ForAll("files") GeneratedFile generated) throws Exception {
    long importId = TRIES.incrementAndGet();
    String prefix = "T" + importId + "-";
    Set<String> existing = Set.of(prefix + "E0", prefix + "E1", prefix + "E2");
    for (String code : existing) {
      JDBC.sql("INSERT INTO code (coupon_set_id, code_value, code_key, status, created_at) VALUES (?, ?, ?, 'available', CURRENT_TIMESTAMP)")
          .params(SET_ID, code, code.toUpperCase(Locale.ROOT)).update();
    }
    Path file = Files.createTempFile("import-property", ".csv");
    try {
      Files.writeString(file, render(generated, prefix), StandardCharsets.UTF_8);
      ImportStaging staging = new ImportStaging(JDBC, new JdbcTemplate(DB), SqlDialect.forDatabase(DB), CodePool.forDataSource(DB));
      // runs of a few rows: the merge of many run files is what a big import does
      SortedRows sorted = new SortedRows(file.resolveSibling(file.getFileName() + ".sorting"), 120);
      ImportStaging.Tally staged;
      ImportStaging.Tally tally;
      try {
        try (CodeFile codeFile = CodeFile.open(file, FileLayout.csv(',', generated.header()))) {
          staged = new FileSorter(generated.batchSize()).sort(codeFile, generated.header(),
              generated.twoColumns() ? 1 : 0, FieldColumns.NONE, sorted, (total, errors, read) -> true);
        }
        tally = new TransactionTemplate(new DataSourceTransactionManager(DB)).execute(status ->
            new SortedImport(CodePool.forDataSource(DB), staging).apply(importId, SET_ID, null, Instant.now(), sorted));
      } finally {
        ImportFiles.deleteTree(file.resolveSibling(file.getFileName() + ".sorting"));
      }
      List<String> report = new ArrayList<>();
      staging.forEachError(importId, row -> report.add(row.line() + "|" + row.reason().wire()));

      Model model = Model.of(generated, prefix, existing);
      assertThat(staged.total()).isEqualTo(model.total());
      assertThat(tally.total()).isEqualTo(model.total());
      assertThat(tally.errors()).isEqualTo(model.errors().size());
      assertThat(tally.success()).isEqualTo(model.total() - model.errors().size());
      assertThat(report).containsExactlyElementsOf(model.errors());
      assertThat(JDBC.sql("SELECT COUNT(*) FROM code WHERE import_id = ?").param(importId).query(Long.class).single())
          .isEqualTo(tally.success());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The expected outcome, computed line by line the way a person would read the file. */
  record Model(long total, List<String> errors) {
    static Model of(GeneratedFile generated, String prefix, Set<String> existing) {
      Set<String> existingKeys = new HashSet<>();
      existing.forEach(code -> existingKeys.add(code.toUpperCase(Locale.ROOT)));
      Set<String> seen = new HashSet<>();
      List<String> errors = new ArrayList<>();
      long total = 0;
      long line = generated.header() ? 1 : 0;
      for (Line l : generated.lines()) {
        line++;
        String value = l.value().replace("$", prefix).strip();
        if (value.isEmpty()) {
          continue;
        }
        total++;
        if (value.length() > 64) {
          errors.add(line + "|too-long");
        } else if (value.chars().anyMatch(Character::isWhitespace)) {
          errors.add(line + "|invalid");
        } else if (!seen.add(value.toUpperCase(Locale.ROOT))) {
          errors.add(line + "|duplicate-in-file");
        } else if (existingKeys.contains(value.toUpperCase(Locale.ROOT))) {
          errors.add(line + "|already-exists");
        }
      }
      return new Model(total, errors);
    }
  }

  private static String render(GeneratedFile generated, String prefix) {
    StringBuilder text = new StringBuilder(generated.bom() ? "\uFEFF" : "");
    if (generated.header()) {
      text.append(generated.twoColumns() ? "other,Code" : "CODE").append('\n');
    }
    String previousEnd = "\n";
    for (Line line : generated.lines()) {
      String value = line.value().replace("$", prefix);
      // an empty line after a lone CR would read as one CRLF: quote it so the file says what the model means
      boolean quote = line.quoted() || (value.isEmpty() && previousEnd.equals("\r"));
      String cell = quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
      if (generated.twoColumns()) {
        cell = "x," + cell;
      }
      text.append(cell).append(line.lineEnd());
      previousEnd = line.lineEnd();
    }
    return text.toString();
  }

  @Provide
  Arbitrary<GeneratedFile> files() {
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 12).map(i -> "$K" + i),
        Arbitraries.integers().between(0, 12).map(i -> "$k" + i),
        Arbitraries.integers().between(0, 12).map(i -> "  $K" + i + " "),
        Arbitraries.integers().between(0, 3).map(i -> "$e" + i),
        Arbitraries.of("", "   ", "\t"),
        Arbitraries.of("$A B", "$X\tY", "$Q\"R"),
        Arbitraries.integers().between(60, 70).map(n -> "$" + "L".repeat(n)));
    Arbitrary<Line> line = Combinators.combine(value, Arbitraries.of(true, false), Arbitraries.of("\n", "\r\n", "\r"))
        .as((v, quoted, end) -> new Line(v, quoted || v.contains("\""), end));
    return Combinators.combine(line.list().ofMaxSize(60), Arbitraries.of(true, false), Arbitraries.of(true, false),
            Arbitraries.of(true, false), Arbitraries.integers().between(1, 7))
        .as(GeneratedFile::new);
  }
}
