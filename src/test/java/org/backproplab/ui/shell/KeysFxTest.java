package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.graph.NetworkView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard in the real window: Esc in every text field cancels the edit and gives the keys back (→ steps
 * again at once), and the cheat-sheet opened with ? lists every shortcut the window has, from the one list.
 */
@ExtendWith(ApplicationExtension.class)
class KeysFxTest extends FxRobot {
    private ShellFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ShellFixture.start(this);
    }

    @AfterEach
    void stop() throws Exception {
        fx.stop();
    }

    /**
     * Focuses the field {@code find} gives, types into it, presses Esc: the text is back as it was, the focus is no
     * longer in a text field, and → steps one iteration.
     */
    private void escGivesKeysBack(String name, Supplier<TextInputControl> find, boolean click) throws Exception {
        Snapshot before = fx.settle();
        TextInputControl field = WaitForAsyncUtils.asyncFx(find::get).get(5, TimeUnit.SECONDS);
        String unfocused = field.getText();
        if (click) {
            clickOn(field);
        } else {
            interact(field::requestFocus);
        }
        assertTrue(field.isFocused(), name + " has the focus");
        String was = field.getText();
        interact(field::end);
        write("7");
        assertEquals(was + "7", field.getText(), name + " takes the keys while typing");
        type(KeyCode.RIGHT);
        assertEquals(before.iteration(), fx.settle().iteration(), name + ": → moves the caret while typing");
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        // a weight cell shows all digits while focused and four when not: either is the value before the edit
        // (an editor that closes on Esc, as the graph's or a table cell's, is simply gone)
        assertTrue(field.getScene() == null || !visible(field) || field.getText().equals(was) || field.getText().equals(unfocused), name + ": Esc cancels the edit, "
                + "but the field shows " + field.getText() + ", not " + was);
        assertTrue(fx.settle().network().sameAs(before.network()), name + ": no weight changed");
        Node focus = fx.app.window().getScene().getFocusOwner();
        assertFalse(focus instanceof TextInputControl, name + ": Esc gives the keys back, focus on " + focus);
        type(KeyCode.RIGHT);
        Snapshot after = fx.settle();
        assertEquals(before.iteration() + 1, after.iteration(), name + ": → steps again after Esc");
        assertEquals(before.testRows().length, after.testRows().length, name + ": nothing typed was taken");
        assertEquals(before.scenario().config(), after.scenario().config(), name + ": nothing typed was taken");
    }

    private TextInputControl byId(String id) {
        return lookup(id).queryAs(TextInputControl.class);
    }

    @Test
    void escInEveryTextFieldCancelsTheEditAndGivesTheKeysBack() throws Exception {
        List<String> tested = new ArrayList<>();
        Set<TextInputControl> seen = new LinkedHashSet<>();
        for (String id : new String[] {"#learningRateField", "#runToField", "#probe-x1", "#probe-x2", "#w1_1_1", "#w2_2_1"}) {
            seen.add(byId(id));
            // the weight grids may be scrolled out of view at this window size: focused as Tab would
            escGivesKeysBack(id, () -> byId(id), !id.startsWith("#w"));
            tested.add(id);
        }
        TextInputControl split = lookup("#testPercentSpinner .text-field").queryAs(TextInputControl.class);
        seen.add(split);
        escGivesKeysBack("test % spinner", () -> split, true);

        // every text field shown in the window now is one of those (or another cell of the same weight grids, which
        // share one editor): a new one cannot escape this test
        List<String> untested = WaitForAsyncUtils.asyncFx(() -> {
            List<String> u = new ArrayList<>();
            for (Node n : lookup(".text-input").queryAll()) {
                if (n instanceof TextInputControl t && t.isVisible() && !t.isDisabled() && t.getScene() != null
                        && t.isEditable() && n.getParent() != null && visible(n) && !seen.contains(t)
                        && !t.getStyleClass().contains("weight-cell")) {
                    u.add(n.getId() + " " + n.getStyleClass());
                }
            }
            return u;
        }).get(5, TimeUnit.SECONDS);
        assertTrue(untested.isEmpty(), "text fields not tested: " + untested);

        // the weight editor on the graph
        NetworkView graph = lookup("#networkView").queryAs(NetworkView.class);
        escGivesKeysBack("#edgeEditorField", () -> {
            graph.edit(new EdgeRef(1, 0, 0));
            return byId("#edgeEditorField");
        }, false);
        // a cell of the data table being edited
        escGivesKeysBack("data table cell", () -> {
            @SuppressWarnings("unchecked")
            TableView<Object> table = (TableView<Object>) lookup(".table-view").queryAs(TableView.class);
            table.edit(0, table.getColumns().get(1));
            return lookup(".cell-editor").queryAs(TextInputControl.class);
        }, false);
        // the architecture editor's fields
        press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#hiddenNeurons1", "#archLearningRateField", "#momentumField", "#seedField"}) {
            escGivesKeysBack(id, () -> byId(id), true);
        }
    }

    /** @return true if {@code n} and every parent are visible */
    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void spaceRunsAndPausesAgainAfterEscInTheLearningRateField() throws Exception {
        clickOn("#learningRateField");
        write("5");
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx.app.session().latest().running());
        type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx.settle().running());
        assertEquals(1.0, fx.settle().scenario().config().learningRate(), 0.0, "the 5 typed was cancelled");
    }

    @Test
    void questionMarkOpensTheListOfEveryShortcutAndEscOrQuestionMarkClosesIt() throws Exception {
        Node overlay = lookup("#shortcutsOverlay").query();
        assertFalse(overlay.isVisible());
        write("?");
        assertTrue(overlay.isVisible(), "? opens the list");
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> {
            List<String> texts = new ArrayList<>();
            for (Node n : lookup("#shortcutsOverlay .label").queryAll()) {
                texts.add(((Label) n).getText());
            }
            return texts;
        }).get(5, TimeUnit.SECONDS);
        for (Shortcuts.Entry e : Shortcuts.ALL) {
            int k = shown.indexOf(e.keys());
            assertTrue(k >= 0 && shown.get(k + 1).equals(e.action()), "listed: " + e);
        }
        type(KeyCode.RIGHT);
        assertEquals(1, fx.settle().iteration(), "the keys still work with the list open");
        type(KeyCode.ESCAPE);
        assertFalse(overlay.isVisible(), "Esc closes it");
        write("?");
        assertTrue(overlay.isVisible());
        write("?");
        assertFalse(overlay.isVisible(), "? closes it too");
        clickOn("#learningRateField");
        write("?");
        assertFalse(overlay.isVisible(), "in a text field ? is only a character");
        type(KeyCode.ESCAPE);
    }

    /**
     * The list cannot drift from the window: every menu accelerator and every key the window's key handler acts on
     * is in {@link Shortcuts#ALL}.
     */
    @Test
    void everyKeyTheWindowTakesIsInTheList() throws Exception {
        Set<String> listed = new LinkedHashSet<>();
        for (Shortcuts.Entry e : Shortcuts.ALL) {
            listed.add(normalise(e.keys()));
        }
        List<String> missing = new ArrayList<>();
        MenuBar bar = lookup(".menu-bar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            accelerators(m, listed, missing);
        }
        MainViewModel vm = fx.app.window().viewModel();
        List<String> handled = WaitForAsyncUtils.asyncFx(() -> {
            List<String> keys = new ArrayList<>();
            for (KeyCode code : KeyCode.values()) {
                for (boolean shift : new boolean[] {false, true}) {
                    if (Shortcuts.handle(code, shift, vm)) {
                        keys.add((shift ? new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN)
                                : new KeyCodeCombination(code)).getName());
                    }
                }
            }
            return keys;
        }).get(10, TimeUnit.SECONDS);
        fx.settle();
        assertTrue(handled.contains("Space") && handled.contains("Shift+Right"), handled.toString());
        for (String k : handled) {
            String n = normalise(k);
            if (!listed.contains(n) && !listed.contains(normalise(k.replace("Shift+", "")))) {
                missing.add(k);
            }
        }
        assertTrue(missing.isEmpty(), "keys the window takes but does not list: " + missing + " (listed: " + listed + ")");
    }

    private static void accelerators(Menu menu, Set<String> listed, List<String> missing) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                accelerators(sub, listed, missing);
            } else if (item.getAccelerator() != null && !listed.contains(normalise(item.getAccelerator().getName()))) {
                missing.add(item.getText() + " " + item.getAccelerator().getName());
            }
        }
    }

    /** @return {@code Ctrl + Shift + S}, {@code Shortcut+Shift+S} and {@code Shift + → (Right)} alike: ctrl+shift+s, shift+right */
    static String normalise(String keys) {
        String[] parts = keys.replaceAll("\\(.*?\\)", "").replace("→", "right").replace("←", "left").replace(" ", "")
                .toLowerCase(Locale.ROOT).replace("shortcut", "ctrl").split("\\+", -1);
        java.util.Arrays.sort(parts, 0, parts.length - 1);
        return String.join("+", parts);
    }
}
