package org.backproplab.ui.lecture;

import javafx.scene.input.KeyCode;

/**
 * The panes that lecture mode keeps in drawers over the graph, each opened and closed by one key.
 */
public enum Drawer {
    CHART("Loss chart", "Chart", KeyCode.C, "chart"),
    DATA("Data", "Data", KeyCode.D, "data"),
    WEIGHTS("Weights", "Weights", KeyCode.W, "weights"),
    TABS("Decision boundary", "Boundary", KeyCode.B, "tabs");

    private final String title;
    private final String shortTitle;
    private final KeyCode key;
    private final String id;

    Drawer(String title, String shortTitle, KeyCode key, String id) {
        this.title = title;
        this.shortTitle = shortTitle;
        this.key = key;
        this.id = id;
    }

    /** @return what the drawer holds, e.g. "Loss chart" */
    public String title() {
        return title;
    }

    /** @return its name on the drawer bar, e.g. "Chart" */
    public String shortTitle() {
        return shortTitle;
    }

    /** @return the key that opens and closes it */
    public KeyCode key() {
        return key;
    }

    /** @return the drawer's automation id, e.g. {@code chartDrawer} */
    public String drawerId() {
        return id + "Drawer";
    }

    /** @return the id of its button on the drawer bar, e.g. {@code chartDrawerToggle} */
    public String toggleId() {
        return id + "DrawerToggle";
    }

    /** @return the preference key of its open state */
    String prefKey() {
        return "drawer." + id;
    }
}
