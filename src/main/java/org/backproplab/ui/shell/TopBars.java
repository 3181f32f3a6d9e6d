package org.backproplab.ui.shell;

import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The room kept for the menu bar and the toolbar in the window's first frame: an empty menu bar and an empty toolbar
 * of two rows, styled as the real ones. The stylesheet gives the menu bar and each toolbar row a fixed height in em
 * ({@code app.css}), so the real bars, made on a later frame, are exactly as high at every zoom and nothing below
 * them moves.
 */
final class TopBars {
    private TopBars() {
    }

    /** @return the empty bars, as high as the menu bar and the toolbar */
    static Node place() {
        Region menus = new Region();
        menus.getStyleClass().add("menu-bar");
        HBox controls = new HBox();
        controls.getStyleClass().add("toolbar-row");
        HBox scenario = new HBox();
        scenario.getStyleClass().add("scenario-row");
        VBox toolbar = new VBox(controls, scenario);
        toolbar.getStyleClass().add("main-toolbar");
        return new VBox(menus, toolbar);
    }
}
