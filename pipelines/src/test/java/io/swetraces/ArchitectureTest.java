package io.swetraces;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The package structure: no cycles between packages, and each layer depends only on those below
 * it. From the bottom: {@code text}; {@code model}; {@code parse} and {@code tokens} (pure logic);
 * {@code transforms} (the Beam steps of the analysis); then, in the pipelines module, {@code hub}
 * (the {@code hf://} file system), {@code io} (readers and writers), {@code stats} and {@code
 * report} (the run's figures), {@code inspect}, and {@code pipeline} (options, the graph, main).
 */
public class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeClass
  public static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.swetraces");
  }

  @Test
  public void packagesFormNoCycles() {
    slices().matching("io.swetraces.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  public void theTransformsModuleKnowsNothingOfPipelinesIoOrReports() {
    noClasses()
        .that().resideInAnyPackage("..swetraces.text..", "..swetraces.model..", "..swetraces.parse..",
            "..swetraces.tokens..", "..swetraces.runs..", "..swetraces.curate..", "..swetraces.template..",
            "..swetraces.chat..", "..swetraces.transforms..")
        .should().dependOnClassesThat().resideInAnyPackage("..swetraces.pipeline..", "..swetraces.io..",
            "..swetraces.hub..", "..swetraces.stats..", "..swetraces.report..", "..swetraces.inspect..")
        .check(classes);
  }

  @Test
  public void valuesAndPureLogicStayBelowBeamSteps() {
    noClasses()
        .that().resideInAnyPackage("..swetraces.text..", "..swetraces.model..", "..swetraces.parse..",
            "..swetraces.tokens..", "..swetraces.runs..", "..swetraces.curate..", "..swetraces.template..",
            "..swetraces.chat..")
        .should().dependOnClassesThat().resideInAPackage("..swetraces.transforms..")
        .check(classes);
    // The template engine is Jinja, nothing of ours.
    noClasses()
        .that().resideInAPackage("..swetraces.template..")
        .should().dependOnClassesThat().resideInAnyPackage("..swetraces.model..", "..swetraces.text..",
            "..swetraces.tokens..", "..swetraces.chat..")
        .check(classes);
    noClasses()
        .that().resideInAPackage("..swetraces.model..")
        .should().dependOnClassesThat().resideInAnyPackage("..swetraces.parse..", "..swetraces.tokens..")
        .check(classes);
  }

  @Test
  public void theHubFileSystemStandsAlone() {
    noClasses()
        .that().resideInAPackage("..swetraces.hub..")
        .should().dependOnClassesThat().resideInAnyPackage("..swetraces.io..", "..swetraces.pipeline..",
            "..swetraces.model..", "..swetraces.stats..", "..swetraces.report..", "..swetraces.inspect..")
        .check(classes);
  }

  @Test
  public void readersAndWritersKnowNothingOfTheGraphOrTheReport() {
    noClasses()
        .that().resideInAPackage("..swetraces.io..")
        .should().dependOnClassesThat().resideInAnyPackage("..swetraces.pipeline..", "..swetraces.stats..",
            "..swetraces.report..", "..swetraces.inspect..")
        .check(classes);
  }

  @Test
  public void figuresAndReportKnowNothingOfReadingOrTheGraph() {
    noClasses()
        .that().resideInAnyPackage("..swetraces.stats..", "..swetraces.report..")
        .should().dependOnClassesThat().resideInAnyPackage("..swetraces.pipeline..", "..swetraces.io..",
            "..swetraces.hub..", "..swetraces.inspect..")
        .check(classes);
    noClasses()
        .that().resideInAPackage("..swetraces.stats..")
        .should().dependOnClassesThat().resideInAPackage("..swetraces.report..")
        .check(classes);
  }

  @Test
  public void inspectionReadsAsARunDoesWithoutTheGraph() {
    noClasses()
        .that().resideInAPackage("..swetraces.inspect..")
        .should().dependOnClassesThat().resideInAPackage("..swetraces.pipeline..")
        .check(classes);
  }
}
