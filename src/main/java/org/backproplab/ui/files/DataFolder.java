package org.backproplab.ui.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's data folder of Backprop Lab, where autosaves go: {@code $XDG_DATA_HOME/backprop-lab} (by default
 * {@code ~/.local/share/backprop-lab}) on Linux, {@code ~/Library/Application Support/Backprop Lab} on macOS,
 * {@code %LOCALAPPDATA%\Backprop Lab} on Windows. The system property {@code backproplab.data} names another
 * folder (the tests use it to keep away from the user's own).
 */
public final class DataFolder {
    /** The system property that overrides the folder. */
    public static final String PROPERTY = "backproplab.data";

    private DataFolder() {
    }

    /** @return the data folder of this user on this system (not created here) */
    public static Path user() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param os   the operating system's name ({@code os.name})
     * @param env  the environment
     * @param home the user's home folder
     * @return the data folder the platform's conventions give
     */
    static Path of(String os, Map<String, String> env, Path home) {
        String name = os.toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local))
                    .resolve("Backprop Lab");
        }
        if (name.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Backprop Lab");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() || !Path.of(xdg).isAbsolute() ? home.resolve(".local").resolve("share")
                : Path.of(xdg);
        return base.resolve("backprop-lab");
    }
}
