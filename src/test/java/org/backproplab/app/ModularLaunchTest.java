package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar} opens the window with JavaFX as named modules: the app's jar and every library it ships with
 * make one module layer (no two jars with one package), in which JavaFX is named and the app's window launcher
 * loads. (Without it JavaFX, on the class path, prints "Unsupported JavaFX configuration" at every start.)
 */
class ModularLaunchTest {
    @TempDir
    Path dir;

    /** The libraries of target/lib, found through one class of each on the test's class path. */
    private static final List<String> LIBRARY_CLASSES = List.of("javafx.beans.Observable", "javafx.scene.Node",
            "javafx.scene.control.Button", "javafx.embed.swing.SwingFXUtils", "org.jfree.chart.JFreeChart",
            "org.jfree.chart.fx.ChartViewer", "org.jfree.fx.FXGraphics2D", "org.jfree.svg.SVGGraphics2D",
            "org.apache.commons.math3.linear.RealMatrix", "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonParser", "com.fasterxml.jackson.annotation.JsonProperty",
            "picocli.CommandLine", "org.apache.commons.csv.CSVFormat", "org.apache.commons.io.IOUtils",
            "org.apache.commons.codec.Charsets");

    @Test
    void theJarAndItsLibrariesMakeALayerWithJavaFxAsNamedModules() throws Exception {
        List<Path> jars = new ArrayList<>(List.of(appJar()));
        Set<Path> libraries = new LinkedHashSet<>();
        for (String c : LIBRARY_CLASSES) {
            libraries.add(Path.of(Class.forName(c, false, getClass().getClassLoader()).getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        jars.addAll(libraries);

        ClassLoader loader = ModularLaunch.loaderOf(jars).orElseThrow();
        Class<?> window = Class.forName("org.backproplab.app.WindowLauncher", false, loader);
        assertEquals(ModularLaunch.APP_MODULE, window.getModule().getName());
        Class<?> node = Class.forName("javafx.scene.Node", false, loader);
        assertTrue(node.getModule().isNamed(), "JavaFX is a named module, not the class path's unnamed one");
        assertEquals("javafx.graphics", node.getModule().getName());
        assertTrue(window.getModule().canRead(node.getModule()));
    }

    @Test
    void withoutJavaFxOrWithoutTheAppThereIsNoLayerAndTheClassPathIsUsed() throws Exception {
        assertTrue(ModularLaunch.loaderOf(List.of(appJar())).isEmpty());
        assertTrue(ModularLaunch.loaderOf(List.of()).isEmpty());
    }

    /** @return the app's classes as a jar with the manifest entry the build gives it */
    private Path appJar() throws Exception {
        Path classes = Path.of(ModularLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), ModularLaunch.APP_MODULE);
        Path jar = dir.resolve("backprop-lab.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
