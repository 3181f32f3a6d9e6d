package org.backproplab.ui.shell;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Esc in any text field of the window cancels the edit and gives the keys back: a field that cancels its own edit
 * on Esc (η, a weight, a table cell, the architecture editor) does so, any other gets back the text it had when it
 * took the focus (the probe inputs, the test share, Run to); then the focus leaves the field for the window
 * itself, so that →, ←, Space and the other {@link Shortcuts} work again at once.
 */
final class FieldEscape {
    /** The field that has the focus, and its text when it took it. */
    private TextInputControl field;
    private String textAtFocus = "";

    private FieldEscape() {
    }

    /**
     * @return the text field being typed in when {@code focus} has the focus: the field itself, or the editor of an
     *         editable spinner or combo box (which keep the focus themselves while their editor takes the keys); null
     *         when {@code focus} takes no text
     */
    static TextInputControl typingIn(Node focus) {
        if (focus instanceof TextInputControl t) {
            return t;
        }
        if (focus instanceof Spinner<?> s && s.isEditable()) {
            return s.getEditor();
        }
        if (focus instanceof ComboBox<?> c && c.isEditable()) {
            return c.getEditor();
        }
        return null;
    }

    /** Installs the behaviour on {@code scene}; the focus goes to {@code home} (the window's root) after Esc. */
    static void install(Scene scene, Node home) {
        FieldEscape f = new FieldEscape();
        scene.focusOwnerProperty().addListener((o, was, now) -> {
            TextInputControl t = typingIn(now);
            if (t != null && t != f.field) {
                f.field = t;
                f.textAtFocus = t.getText();
            } else if (t == null) {
                f.field = null;
            }
        });
        // before the field: whatever the field does with Esc, the focus leaves it afterwards
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && typingIn(scene.getFocusOwner()) != null) {
                Platform.runLater(() -> {
                    if (typingIn(scene.getFocusOwner()) != null) {
                        home.requestFocus();
                    }
                });
            }
        });
        // after the field, only if it did not handle Esc itself: back to the text it had
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && f.field != null && typingIn(scene.getFocusOwner()) == f.field
                    && f.field.isEditable() && !f.field.getText().equals(f.textAtFocus)) {
                f.field.setText(f.textAtFocus);
            }
        });
    }
}
