package org.callobjectives.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's packages point one way: no cycles, the domain at the bottom, the wiring at the top.
 */
class ArchitectureTest {
  static JavaClasses server;

  @BeforeAll
  static void importServer() {
    server =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.callobjectives.server");
  }

  @Test
  void noPackageIsPartOfACycle() {
    slices().matching("org.callobjectives.server.(**)").should().beFreeOfCycles().check(server);
  }

  @Test
  void theDomainDependsOnNothingButTheJdkAndTheWireMessages() {
    classes()
        .that()
        .resideInAPackage("org.callobjectives.server.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "org.callobjectives.protocol..", "org.callobjectives.server.domain..")
        .check(server);
  }

  @Test
  void onlyTheWiringKnowsTheServerAsAWhole() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.callobjectives.server")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.callobjectives.server")
        .check(server);
  }

  @Test
  void theStoreKnowsNothingOfCallTrackingPopsOrTheWeb() {
    noClasses()
        .that()
        .resideInAPackage("org.callobjectives.server.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.callobjectives.server.calls..",
            "org.callobjectives.server.push..",
            "org.callobjectives.server.dispositions..",
            "org.callobjectives.server.web..",
            "org.callobjectives.server.ami..")
        .check(server);
  }
}
