package org.backproplab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rule of STYLE.md: only ui and app may touch JavaFX, JFreeChart or AWT; data flows one way. */
@AnalyzeClasses(packages = "org.backproplab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule modelCodeHasNoUiImports = noClasses()
            .that().resideInAnyPackage("org.backproplab.engine..", "org.backproplab.data..",
                    "org.backproplab.session..", "org.backproplab.io..", "org.backproplab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "java.awt..", "javax.swing..")
            .because("engine, data, session, io and cli must run without a display");

    @ArchTest
    static final ArchRule engineIsPureMath = noClasses()
            .that().resideInAPackage("org.backproplab.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.data..", "org.backproplab.session..",
                    "org.backproplab.io..", "org.backproplab.cli..", "org.backproplab.ui..", "org.backproplab.app..",
                    "com.fasterxml..", "picocli..", "org.apache.commons.csv..")
            .because("the engine is pure math on commons-math3");

    @ArchTest
    static final ArchRule sessionDoesNotKnowFilesOrCli = noClasses()
            .that().resideInAnyPackage("org.backproplab.session..", "org.backproplab.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.ui..", "org.backproplab.app..",
                    "org.backproplab.cli..")
            .because("data flows from engine to session to view models, never back");

    @ArchTest
    static final ArchRule nothingBelowUiKnowsUi = noClasses()
            .that().resideInAnyPackage("org.backproplab.engine..", "org.backproplab.data..",
                    "org.backproplab.session..", "org.backproplab.io..", "org.backproplab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.backproplab.ui..", "org.backproplab.app..");
}
