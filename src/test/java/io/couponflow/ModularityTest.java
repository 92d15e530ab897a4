package io.couponflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Repository;

/**
 * The feature modules (the packages under io.couponflow), verified by Spring Modulith: no cycles, each module
 * uses only the modules its package-info allows ({@code @ApplicationModule(allowedDependencies)}), a new
 * package fails until it declares itself, and a feature's repositories are its own. The module documentation
 * in docs/modules is kept equal to what Modulith's Documenter writes.
 */
class ModularityTest {
  static final ApplicationModules MODULES = ApplicationModules.of(CouponflowApplication.class);
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.couponflow");
  static final Path DOCS = Path.of("docs/modules");
  static final Path WRITTEN = Path.of("target/modules-docs");

  @Test
  void modulesHaveNoCyclesAndUseOnlyTheModulesTheyDeclare() {
    MODULES.verify();
  }

  @Test
  void everyPackageDeclaresItselfAModuleWithItsAllowedDependencies() {
    assertThat(MODULES.stream()).hasSizeGreaterThan(10).allSatisfy(module -> {
      Optional<ApplicationModule> declared = module.getBasePackage().getAnnotation(ApplicationModule.class);
      assertThat(declared).as("%s is a new module: give it a package-info.java with @ApplicationModule(displayName = "
          + "..., allowedDependencies = {...}) saying which modules it may use", module.getBasePackage().getName())
          .isPresent();
      assertThat(declared.get().allowedDependencies()).as(module.getName() + " lists its allowed dependencies")
          .doesNotContain(ApplicationModule.OPEN_TOKEN);
    });
  }

  @Test
  void aFeaturesRepositoriesAreUsedOnlyInsideIt() {
    classes().that().haveSimpleNameEndingWith("Repository").or().haveSimpleNameEndingWith("Table")
        .or().areAnnotatedWith(Repository.class)
        .should(new ArchCondition<JavaClass>("be used only inside their own module") {
          @Override
          public void check(JavaClass repository, ConditionEvents events) {
            String owner = moduleOf(repository);
            for (Dependency use : repository.getDirectDependenciesToSelf()) {
              if (!owner.equals(moduleOf(use.getOriginClass()))) {
                events.add(SimpleConditionEvent.violated(use, use.getDescription()));
              }
            }
          }
        })
        .check(CLASSES);
  }

  @Test
  void theCommittedModuleDocumentationIsCurrent() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases()
        .writeAggregatingDocument();
    Map<String, List<String>> written = files(WRITTEN);
    assertThat(written).containsKey("all-docs.adoc");
    if (!written.equals(files(DOCS))) {
      fail("The modules changed: docs/modules is out of date. Update it: rm -r " + DOCS + " && cp -r " + WRITTEN
          + " " + DOCS);
    }
  }

  private static String moduleOf(JavaClass type) {
    return MODULES.getModuleByType(type.getName()).map(module -> module.getName()).orElse(type.getPackageName());
  }

  /** A list item that opens a table cell ("|* x") is the same item wherever the list starts. */
  private static String normalised(String line) {
    return line.strip().replaceFirst("^\\|\\* ", "* ");
  }

  /** Each file's lines, sorted: the Documenter writes relations and events in no fixed order. */
  private static Map<String, List<String>> files(Path folder) throws IOException {
    Map<String, List<String>> contents = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return contents;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        contents.put(folder.relativize(path).toString(),
            Files.readAllLines(path).stream().map(ModularityTest::normalised).sorted().toList());
      }
    }
    return contents;
  }
}
