package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The colours of the window are looked-up colours ({@code -bl-text}, {@code -bl-accent} …) defined once, on
 * {@code .root} in {@code app.css}, and redefined by {@code app-dark.css}. A name that no theme defines makes
 * JavaFX log a warning for every node it styles and draw the default colour instead; a name the dark theme
 * forgets stays light in the dark window.
 */
class LookedUpColoursTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/backproplab/ui");
    private static final Path SOURCES = Path.of("src/main/java/org/backproplab/ui");
    private static final Pattern NAME = Pattern.compile("-bl-[a-z0-9-]+");
    private static final Pattern DEFINITION = Pattern.compile("(-bl-[a-z0-9-]+)\\s*:");

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }

    private static Set<String> defined(String stylesheet) {
        Set<String> names = new TreeSet<>();
        Matcher m = DEFINITION.matcher(read(RESOURCES.resolve(stylesheet)));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** @return each looked-up colour used (not defined) under {@code dir}, with the first file using it */
    private static TreeMap<String, Path> used(Path dir, String extension) throws IOException {
        TreeMap<String, Path> names = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(extension)).sorted().forEach(p -> {
                String text = read(p);
                Matcher m = NAME.matcher(text);
                while (m.find()) {
                    boolean definition = text.substring(m.end()).matches("(?s)\\s*:.*");
                    if (!definition) {
                        names.putIfAbsent(m.group(), p);
                    }
                }
            });
        }
        return names;
    }

    @Test
    void everyColourAStylesheetOrAnInlineStyleUsesIsDefinedByTheTheme() throws IOException {
        Set<String> light = defined("app.css");
        assertTrue(light.contains("-bl-text") && light.contains("-bl-accent"), "app.css defines " + light);
        TreeMap<String, Path> used = used(RESOURCES, ".css");
        used(SOURCES, ".java").forEach(used::putIfAbsent);
        assertTrue(used.size() > 5, "the scan found the colours in use: " + used.keySet());
        used.keySet().removeAll(light);
        assertEquals("{}", used.toString(), "looked-up colours used but not defined in app.css (name=file)");
    }

    @Test
    void theDarkThemeRedefinesEveryColourOfTheLightOne() {
        assertEquals(defined("app.css"), defined("app-dark.css"));
    }
}
