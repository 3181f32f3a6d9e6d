package org.backproplab.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * What Help → About and {@code --version} say: the name, the one version number (the pom's, written into
 * {@code about.properties} when the jar is built), the licence, the libraries with their licences, and where
 * the built-in data come from. Plain Java: the command line and the window both use it.
 */
public final class AppInfo {
    /** The application's name, as on the window, the launcher and the installer. */
    public static final String NAME = "Backprop Lab";
    private static final String RESOURCE = "about.properties";
    private static final Properties PROPERTIES = load();

    private AppInfo() {
    }

    /**
     * A library the application uses.
     *
     * @param name    its name
     * @param version its version, or empty when it comes with another library
     * @param licence its licence
     * @param use     what it is used for
     */
    public record Library(String name, String version, String licence, String use) {
    }

    /** @return the version, e.g. {@code 0.1.0} (the pom's {@code <version>}) */
    public static String version() {
        return get("version");
    }

    /** @return e.g. {@code Backprop Lab 0.1.0} */
    public static String nameAndVersion() {
        return NAME + " " + version();
    }

    /** @return the application's licence (the pom's {@code app.licence}) */
    public static String licence() {
        return get("licence");
    }

    /** @return the libraries in the application, with the versions it was built with */
    public static List<Library> libraries() {
        return List.of(
                new Library("OpenJFX (JavaFX)", get("javafx"), "GPL v2 with the Classpath Exception", "the window"),
                new Library("JFreeChart", get("jfreechart"), "LGPL v2.1 or later", "the loss chart"),
                new Library("JFreeChart-FX", get("jfreechart-fx"), "LGPL v2.1 or later", "the chart in JavaFX"),
                new Library("FXGraphics2D", "", "BSD 3-Clause", "the chart in JavaFX"),
                new Library("JFreeSVG", get("jfreesvg"), "GPL v3 or later", "the chart as SVG"),
                new Library("Apache Commons Math", get("commons-math3"), "Apache 2.0", "the matrices of the engine"),
                new Library("Apache Commons CSV", get("commons-csv"), "Apache 2.0", "CSV import"),
                new Library("Apache Commons IO and Codec", "", "Apache 2.0", "used by Commons CSV"),
                new Library("Jackson", get("jackson"), "Apache 2.0", "the file format"),
                new Library("picocli", get("picocli"), "Apache 2.0", "the command line"));
    }

    /** @return where the built-in data sets come from, one sentence each */
    public static List<String> dataCredits() {
        return List.of(
                "The people of the gender preset (Alice, Bob, Charlie and Diana, with the probes Emily and Frank) "
                        + "are the example of Victor Zhou's tutorial \"Machine Learning for Beginners: An "
                        + "Introduction to Neural Networks\" (2019).",
                "Iris: R. A. Fisher (1936), \"The use of multiple measurements in taxonomic problems\"; from the UCI "
                        + "Machine Learning Repository (CC BY 4.0), as distributed with scikit-learn (BSD-3-Clause).",
                "Handwritten digits 8×8: E. Alpaydin and C. Kaynak (1998), \"Optical Recognition of Handwritten "
                        + "Digits\"; UCI Machine Learning Repository (CC BY 4.0), as distributed with scikit-learn "
                        + "(BSD-3-Clause).",
                "Diabetes: B. Efron, T. Hastie, I. Johnstone and R. Tibshirani (2004), \"Least Angle Regression\", "
                        + "Annals of Statistics; as distributed with scikit-learn (BSD-3-Clause).",
                "The logic gates (XOR, AND, OR) are truth tables; every other data set is generated on this "
                        + "computer from its seed. docs/data.md says more about each.");
    }

    /** @return the Java runtime the application runs on, e.g. {@code Java 17.0.15 (Debian)} */
    public static String runtime() {
        String vendor = System.getProperty("java.vendor", "");
        return "Java " + Runtime.version() + (vendor.isEmpty() ? "" : " (" + vendor + ")");
    }

    private static String get(String key) {
        String v = PROPERTIES.getProperty(key);
        if (v == null || v.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " has no value for '" + key
                    + "': the jar was built without Maven's resource filtering");
        }
        return v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + AppInfo.class.getName());
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return p;
    }
}
