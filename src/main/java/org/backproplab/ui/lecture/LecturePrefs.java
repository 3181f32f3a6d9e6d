package org.backproplab.ui.lecture;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Lecture mode and which drawers are open, remembered between runs in a {@link Preferences} node: the
 * {@code lecture} child of the user's node of the application ({@code org/backproplab/lab}, or the node named
 * by the system property {@code backproplab.prefs}, which tests use to keep away from the user's choices).
 */
public final class LecturePrefs {
    static final String LECTURE = "lecture";

    private final Preferences node;

    /** @param node where the choices are read and written */
    public LecturePrefs(Preferences node) {
        this.node = node;
    }

    /** @return the preferences of the current user (see above) */
    public static LecturePrefs user() {
        return new LecturePrefs(Preferences.userRoot().node(System.getProperty("backproplab.prefs", "org/backproplab/lab"))
                .node("lecture"));
    }

    /** @return the node the choices live in */
    public Preferences node() {
        return node;
    }

    boolean lecture() {
        return node.getBoolean(LECTURE, false);
    }

    boolean open(Drawer d) {
        return node.getBoolean(d.prefKey(), false);
    }

    /** Writes the choices now. */
    void save(boolean lecture, java.util.function.Predicate<Drawer> open) {
        node.putBoolean(LECTURE, lecture);
        for (Drawer d : Drawer.values()) {
            node.putBoolean(d.prefKey(), open.test(d));
        }
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            System.err.println("Backprop Lab: could not save the lecture-mode settings: " + e.getMessage());
        }
    }
}
