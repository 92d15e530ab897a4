package io.couponflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Features depend on each other in one direction only, and the shared layers on none of them. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.couponflow");

  @Test
  void featuresHaveNoDependencyCycles() {
    slices().matching("io.couponflow.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void sharedLayersDoNotDependOnFeatures() {
    noClasses().that().resideInAnyPackage("io.couponflow.common..", "io.couponflow.db..", "io.couponflow.jobs..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.couponflow.couponset..", "io.couponflow.code..", "io.couponflow.assignment..",
            "io.couponflow.importing..", "io.couponflow.workflow..", "io.couponflow.contact..",
            "io.couponflow.delivery..", "io.couponflow.redemption..", "io.couponflow.statistics..",
            "io.couponflow.alert..", "io.couponflow.web..", "io.couponflow.security..")
        .check(CLASSES);
  }

  @Test
  void onlyTheDialectsTalkPostgresSpecificJdbc() {
    noClasses().that().resideOutsideOfPackage("io.couponflow.db..")
        .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
        .check(CLASSES);
  }
}
