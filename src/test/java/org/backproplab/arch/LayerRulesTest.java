package org.backproplab.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The executable form of {@code docs/architecture.md}: the layers and which may use which, no package cycles,
 * and only ui and app touching JavaFX, JFreeChart or AWT.
 */
@AnalyzeClasses(packages = "org.backproplab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    /**
     * engine ← data ← session ← io, cli ← ui ← app: each layer uses only the layers named here
     * (docs/architecture.md, "Layers").
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("text").definedBy("org.backproplab.text..")
            .layer("engine").definedBy("org.backproplab.engine..")
            .layer("data").definedBy("org.backproplab.data..")
            .layer("session").definedBy("org.backproplab.session..")
            .layer("io").definedBy("org.backproplab.io..")
            .layer("cli").definedBy("org.backproplab.cli..")
            .layer("ui").definedBy("org.backproplab.ui..")
            .layer("app").definedBy("org.backproplab.app..")
            .whereLayer("text").mayNotAccessAnyLayer()
            .whereLayer("engine").mayOnlyAccessLayers("text")
            .whereLayer("data").mayOnlyAccessLayers("text", "engine")
            .whereLayer("session").mayOnlyAccessLayers("text", "engine", "data")
            .whereLayer("io").mayOnlyAccessLayers("text", "engine", "data", "session")
            .whereLayer("cli").mayOnlyAccessLayers("text", "engine", "data", "session", "io")
            .whereLayer("ui").mayOnlyAccessLayers("text", "engine", "data", "session", "io")
            .whereLayer("app").mayOnlyAccessLayers("text", "engine", "data", "session", "io", "cli", "ui")
            .because("data flows one way, from the engine up to the window (docs/architecture.md)");

    /** No two packages use each other, directly or through others: ui's feature packages count one by one. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.backproplab.(**)")
            .should().beFreeOfCycles()
            .because("each package can then be read, tested and changed from the bottom up; what two features "
                    + "share lives in org.backproplab.ui (docs/architecture.md)");

    @ArchTest
    static final ArchRule modelCodeHasNoUiImports = noClasses()
            .that().resideInAnyPackage("org.backproplab.engine..", "org.backproplab.data..",
                    "org.backproplab.session..", "org.backproplab.io..", "org.backproplab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "java.awt..", "javax.swing..")
            .because("engine, data, session, io and cli must run without a display (the command line, the tests)");

    /** The name, version and credits that the command line and the window both show: below every layer. */
    @ArchTest
    static final ArchRule aboutUsesNoOtherPackageOfOurs = noClasses()
            .that().resideInAPackage("org.backproplab.about..")
            .should().dependOnClassesThat(resideInAPackage("org.backproplab..")
                    .and(not(resideInAPackage("org.backproplab.about.."))))
            .orShould().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "java.awt..")
            .because("about is read by the command line and by the window alike (docs/architecture.md)");

    @ArchTest
    static final ArchRule engineIsPureMath = noClasses()
            .that().resideInAPackage("org.backproplab.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "picocli..", "org.apache.commons.csv..")
            .because("the engine is pure math on commons-math3");
}
