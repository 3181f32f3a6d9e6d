package org.backproplab.ui.lecture;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import org.backproplab.ui.graph.NetworkView;

/**
 * How lecture mode is switched and steered: F5, View → Lecture mode and the toolbar's {@code #lectureToggle};
 * in lecture mode one key per drawer ({@link Drawer#key()}), ↑/↓ through the hidden and output neurons and
 * Shift+↑/↓ through the edges into the selected one (the graph labels them first, the derivation panel follows).
 * Keys typed into a text field, a table, a list or a slider stay theirs.
 */
public final class LectureKeys {
    private final Lecture lecture;
    private final NetworkView graph;

    public LectureKeys(Lecture lecture, NetworkView graph) {
        this.lecture = lecture;
        this.graph = graph;
    }

    /** Installs the keys on {@code scene} (an event filter: they work wherever the focus is, see above). */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (handle(e.getCode(), e.isShiftDown(), e.isShortcutDown() || e.isControlDown() || e.isAltDown()
                    || e.isMetaDown(), scene.getFocusOwner())) {
                e.consume();
            }
        });
    }

    /** @return true if the key was lecture mode's and was acted on */
    boolean handle(KeyCode code, boolean shift, boolean modifier, Node focus) {
        if (modifier) {
            return false;
        }
        if (code == KeyCode.F5) {
            lecture.toggle();
            return true;
        }
        if (!lecture.onProperty().get() || ownsKeys(focus)) {
            return false;
        }
        for (Drawer d : Drawer.values()) {
            if (code == d.key() && !shift) {
                lecture.toggle(d);
                return true;
            }
        }
        if (code == KeyCode.UP || code == KeyCode.DOWN) {
            int step = code == KeyCode.DOWN ? 1 : -1;
            if (shift) {
                graph.selectNeighbourEdge(step);
            } else {
                graph.selectNeighbour(step);
            }
            return true;
        }
        return false;
    }

    /** @return true if {@code focus} uses letters or arrow keys itself (typing, moving in a table or a slider) */
    private static boolean ownsKeys(Node focus) {
        return focus instanceof TextInputControl || focus instanceof TableView || focus instanceof ListView
                || focus instanceof TreeView || focus instanceof ComboBoxBase || focus instanceof Slider
                || focus instanceof Spinner;
    }

    /** Adds View → Lecture mode (F5) at the top of the menu bar's View menu. */
    public void addMenuItem(MenuBar bar) {
        for (Menu m : bar.getMenus()) {
            if (m.getText().equals("View")) {
                CheckMenuItem item = new CheckMenuItem("Lecture mode");
                item.setId("lectureItem");
                item.setAccelerator(new KeyCodeCombination(KeyCode.F5));
                item.selectedProperty().bindBidirectional(lecture.onProperty());
                m.getItems().addAll(0, java.util.List.of(item, new SeparatorMenuItem()));
            }
        }
    }

    /** Adds the {@code #lectureToggle} button at the end of the toolbar's row of {@code styleClass}. */
    public void addToolbarToggle(Pane toolbar, String styleClass) {
        ToggleButton toggle = new ToggleButton("Lecture");
        toggle.setId("lectureToggle");
        toggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip("Lecture mode: the graph and the derivation fill the window, every number large "
                + "enough for the back row; the chart, data and weights in drawers  [F5]");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        toggle.setTooltip(tip);
        toggle.selectedProperty().bindBidirectional(lecture.onProperty());
        for (Node n : toolbar.getChildren()) {
            if (n instanceof HBox row && row.getStyleClass().contains(styleClass)) {
                Separator s = new Separator(javafx.geometry.Orientation.VERTICAL);
                s.getStyleClass().add("toolbar-separator");
                row.getChildren().addAll(s, toggle);
            }
        }
    }
}
