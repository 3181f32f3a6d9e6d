package org.backproplab.ui.shell;

import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard: Space run/pause, → step, Shift+→ phase, ← back, R reset. A scene-level event
 * filter, so the keys work wherever the focus is, except while typing in a text field, an editable spinner or
 * combo box (there they edit the text as usual; Esc gives them back, see {@link FieldEscape}).
 */
public final class Shortcuts {
    /** One shortcut as the Help dialog lists it. */
    public record Entry(String keys, String action) {
    }

    /** Every shortcut of the window, in the order the Help dialog lists them. */
    public static final List<Entry> ALL = List.of(
            new Entry("Space", "Run / Pause training"),
            new Entry("→ (Right)", "Step: one whole iteration"),
            new Entry("Shift + →", "Phase: one phase of the iteration"),
            new Entry("← (Left)", "Back: undo the last phase, iteration or edit"),
            new Entry("R", "Reset to the initial weights (same seed)"),
            new Entry("X", "Check my working on / off: the numbers of each phase you step are hidden for you to type"),
            new Entry("P", "Predict, then reveal on / off: a question before each phase or step"),
            new Entry("Page Down / Page Up", "In a lesson: the next / previous step"),
            new Entry("Any key", "Pauses auto-play of the phases"),
            new Entry("Esc", "In a text field: cancel the edit and give the keys back"),
            new Entry("?", "This list of shortcuts (? or Esc closes it)"),
            new Entry("F11", "Full screen on / off (presenter mode)"),
            new Entry("F5", "Lecture mode on / off: the graph and the derivation fill the window, numbers large"),
            new Entry("C, D, W, B", "Lecture mode: open or close the drawer of the loss chart, data, weights, decision boundary"),
            new Entry("↑ / ↓", "Lecture mode: the previous / next neuron (the graph labels its edges, the derivation follows it)"),
            new Entry("Shift + ↑ / ↓", "Lecture mode: the previous / next edge into the selected neuron"),
            new Entry("Ctrl + plus", "Zoom the whole window in (up to 250 %)"),
            new Entry("Ctrl + minus", "Zoom out (down to 75 %)"),
            new Entry("Ctrl + 0", "Back to 100 %"),
            new Entry("F1", "What am I looking at? (every element explained)"),
            new Entry("Ctrl + E", "Edit the architecture (layers, neurons, activations, training)"),
            new Entry("Ctrl + G", "Gradient check of every weight and bias"),
            new Entry("Ctrl + I", "Import a CSV data set"),
            new Entry("Ctrl + O", "Open a file"),
            new Entry("Ctrl + S", "Save (the history too)"),
            new Entry("Ctrl + Shift + S", "Save as another file"),
            new Entry("Ctrl + Q", "Quit"));

    private Shortcuts() {
    }

    /** Installs the keys on {@code scene}, sending them to {@code vm}. */
    public static void install(Scene scene, MainViewModel vm) {
        install(scene, vm, java.util.Map.of());
    }

    /** Installs the keys on {@code scene}, and {@code more}: single keys of other features (X, P). */
    public static void install(Scene scene, MainViewModel vm, java.util.Map<KeyCode, Runnable> more) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, handler(scene, vm, more));
    }

    private static EventHandler<KeyEvent> handler(Scene scene, MainViewModel vm, java.util.Map<KeyCode, Runnable> more) {
        return e -> {
            Node focus = scene.getFocusOwner();
            if (e.isConsumed() || FieldEscape.typingIn(focus) != null || org.backproplab.ui.OwnKeys.claimed(focus)
                    || e.isControlDown() || e.isAltDown() || e.isMetaDown()
                    || e.isShortcutDown()) {
                return;
            }
            Runnable other = e.isShiftDown() ? null : more.get(e.getCode());
            if (other != null) {
                other.run();
            } else if (!handle(e.getCode(), e.isShiftDown(), vm)) {
                return;
            }
            e.consume();
        };
    }

    /** @return true if the key was a shortcut and was sent */
    static boolean handle(KeyCode code, boolean shift, MainViewModel vm) {
        switch (code) {
            case SPACE -> vm.toggleRun();
            case RIGHT -> {
                if (shift) {
                    vm.stepPhase();
                } else {
                    vm.step();
                }
            }
            case LEFT -> vm.back();
            case R -> vm.reset();
            default -> {
                return false;
            }
        }
        return true;
    }
}
