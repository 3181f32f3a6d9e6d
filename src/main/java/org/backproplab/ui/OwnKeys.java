package org.backproplab.ui;

import javafx.scene.Node;

/**
 * Marks a control that uses plain keys itself (arrows, Space, Delete), such as the drawing pad: while it has the
 * focus, the window's single-key shortcuts leave those keys to it, as they do for a text field.
 */
public final class OwnKeys {
    private static final String KEY = OwnKeys.class.getName();

    private OwnKeys() {
    }

    /** Marks {@code n} as using plain keys itself. */
    public static void claim(Node n) {
        n.getProperties().put(KEY, Boolean.TRUE);
    }

    /** @return true if {@code n} was marked by {@link #claim} */
    public static boolean claimed(Node n) {
        return n != null && n.getProperties().containsKey(KEY);
    }
}
