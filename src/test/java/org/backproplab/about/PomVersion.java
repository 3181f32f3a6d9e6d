package org.backproplab.about;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's version read straight from pom.xml (the tests run in the project folder): the one source. */
public final class PomVersion {
    private PomVersion() {
    }

    /** @return the {@code <version>} that follows {@code <artifactId>backprop-lab</artifactId>} in pom.xml */
    public static String read() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>backprop-lab</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("pom.xml has no <version> after <artifactId>backprop-lab</artifactId>");
        }
        return m.group(1).trim();
    }
}
