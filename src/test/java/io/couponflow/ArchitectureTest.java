package io.couponflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What Spring Modulith (ModularityTest) does not see: the code tables' SQL has one owner, and only the
 * dialects talk PostgreSQL's JDBC. Module boundaries and cycles are ModularityTest's.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.couponflow");

  @Test
  void onlyTheCodePackageWritesSqlOnTheCodeTables() throws IOException {
    Pattern statement = Pattern.compile("\\b(FROM|INTO|UPDATE|JOIN)\\s+code\\b");
    Path code = Path.of("src/main/java/io/couponflow/code");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<Path> offenders = sources.filter(path -> path.toString().endsWith(".java") && !path.startsWith(code))
          .filter(path -> statement.matcher(read(path)).find())
          .toList();
      assertThat(offenders).as("SQL on code belongs in io.couponflow.code.CodeTable").isEmpty();
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void onlyTheDialectsTalkPostgresSpecificJdbc() {
    noClasses().that().resideOutsideOfPackage("io.couponflow.db..")
        .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
        .check(CLASSES);
  }
}
