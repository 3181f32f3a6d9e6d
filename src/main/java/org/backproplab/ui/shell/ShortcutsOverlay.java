package org.backproplab.ui.shell;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard cheat-sheet ({@code #shortcutsOverlay}): every entry of {@link Shortcuts#ALL}, the one list of the
 * window's keys, in large type over the whole window. {@code ?} opens it (when not typing in a field), {@code ?} or
 * Esc closes it, as does a click anywhere on it.
 */
final class ShortcutsOverlay {
    /** The entries are shown in this many columns side by side, filled top to bottom. */
    static final int COLUMNS = 2;

    private final StackPane root = new StackPane();
    private final VBox card;

    ShortcutsOverlay() {
        root.setId("shortcutsOverlay");
        root.getStyleClass().add("shortcuts-overlay");
        root.setManaged(false);
        root.setVisible(false);
        // the list is made when first shown: nobody waits for it at start
        card = new VBox();
        card.getStyleClass().add("shortcuts-card");
        card.setMaxSize(Pane.USE_PREF_SIZE, Pane.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        root.getChildren().add(card);
        root.setOnMouseClicked(e -> hide());
    }

    /** @return the title, the entries in one or two columns of keys and actions, and how to close */
    private static Node content(List<Shortcuts.Entry> entries) {
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("shortcuts-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts-grid");
        int rows = (entries.size() + COLUMNS - 1) / COLUMNS;
        for (int i = 0; i < entries.size(); i++) {
            Label keys = new Label(entries.get(i).keys());
            keys.getStyleClass().addAll("shortcut-keys", "shortcuts-overlay-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label action = new Label(entries.get(i).action());
            action.getStyleClass().add("shortcuts-overlay-action");
            action.setWrapText(true);
            int column = 2 * (i / rows);
            grid.add(keys, column, i % rows);
            grid.add(action, column + 1, i % rows);
        }
        Label close = new Label("? or Esc closes this list. The keys work wherever the focus is; in a text field, "
                + "Esc gives them back.");
        close.getStyleClass().add("hint");
        close.setWrapText(true);
        VBox box = new VBox(title, grid, close);
        box.getStyleClass().add("shortcuts-content");
        return box;
    }

    /**
     * Puts the overlay over {@code host}, at its size (drawn last, above everything else in it) while it shows: fitted
     * when shown and, then, as the host's size or the list's changes (a zoom or a theme while it shows); fitted
     * hidden, it cost the window's first frame a layout.
     */
    void attachTo(Pane host) {
        host.getChildren().add(root);
        host.widthProperty().addListener((o, was, now) -> fitIfShowing(host));
        host.heightProperty().addListener((o, was, now) -> fitIfShowing(host));
        // the scale fit sets is no part of the list's layout bounds: fitting does not change them again
        card.layoutBoundsProperty().addListener((o, was, now) -> fitIfShowing(host));
    }

    private void fitIfShowing(Pane host) {
        if (isShowing()) {
            fit(host);
        }
    }

    /** Covers {@code host}; a list taller or wider than the window (a large zoom on a small screen) is shrunk to fit. */
    private void fit(Pane host) {
        root.resizeRelocate(0, 0, host.getWidth(), host.getHeight());
        double w = card.prefWidth(-1);
        double h = card.prefHeight(w);
        double scale = Math.min(1, Math.min((host.getWidth() - 16) / w, (host.getHeight() - 16) / h));
        card.setScaleX(Math.max(0.1, scale));
        card.setScaleY(Math.max(0.1, scale));
    }

    /** {@code ?} (typed anywhere but in a text field) opens and closes the list; Esc closes it. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && FieldEscape.typingIn(scene.getFocusOwner()) == null) {
                toggle();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && isShowing()) {
                hide();
                e.consume();
            }
        });
    }

    // Properties

    boolean isShowing() {
        return root.isVisible();
    }

    Node node() {
        return root;
    }

    // Commands

    void toggle() {
        if (isShowing()) {
            hide();
        } else {
            show();
        }
    }

    void show() {
        if (card.getChildren().isEmpty()) {
            card.getChildren().add(content(Shortcuts.ALL));
        }
        root.toFront();
        root.setVisible(true);
        if (root.getParent() instanceof Pane host) {
            root.applyCss();
            fit(host);
        }
    }

    void hide() {
        root.setVisible(false);
    }
}
