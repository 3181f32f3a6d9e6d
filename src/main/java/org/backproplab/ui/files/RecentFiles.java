package org.backproplab.ui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The last {@value #MAX} files opened or saved, newest first, kept in {@link Preferences} so that they are
 * there the next time the application starts. A file that has gone is removed when it is picked.
 */
public final class RecentFiles {
    /** How many files are remembered. */
    public static final int MAX = 8;
    private static final String KEY = "recent";

    private final Preferences prefs;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    /** @param prefs where the list is kept (a user node of the application, or a test node) */
    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        String stored = prefs.get(KEY, "");
        for (String line : stored.split("\n")) {
            if (!line.isBlank() && files.size() < MAX) {
                try {
                    files.add(Path.of(line));
                } catch (java.nio.file.InvalidPathException ignored) {
                    // an entry written on another system: skip it
                }
            }
        }
    }

    /**
     * @return the user node of Backprop Lab ({@code org/backproplab/lab}, or the node named by the system
     *         property {@code backproplab.prefs}, which tests use to keep away from the user's list)
     */
    public static Preferences userNode() {
        return Preferences.userRoot().node(System.getProperty("backproplab.prefs", "org/backproplab/lab"));
    }

    // Properties

    /** @return the files, newest first (read-only use) */
    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    // Commands

    /** Puts {@code file} first (moving it if it was there), keeping at most {@value #MAX}. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        store();
    }

    /** Forgets {@code file}. */
    public void remove(Path file) {
        files.remove(file);
        store();
    }

    private void store() {
        StringBuilder b = new StringBuilder();
        for (Path p : files) {
            b.append(p).append('\n');
        }
        prefs.put(KEY, b.toString());
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // the list still works for this run; nothing to tell the user
        }
    }
}
