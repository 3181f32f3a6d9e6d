package org.backproplab.ui.architecture;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * A text field that sends its text when Enter is pressed or the field loses focus, turns red while the value
 * was refused, and shows the current value again on Esc. The session's value replaces the text whenever the
 * user is not in the middle of editing it.
 */
final class CommitField extends TextField {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final Supplier<String> current;
    private final Function<String, Boolean> commit;
    /** True once the user has typed since the last commit or restore. */
    private boolean dirty;
    private boolean programmatic;

    /**
     * @param id      the automation id
     * @param columns the width in characters
     * @param current the value now, as text
     * @param commit  sends a typed value; returns false if it was refused
     */
    CommitField(String id, int columns, Supplier<String> current, Function<String, Boolean> commit) {
        this.current = current;
        this.commit = commit;
        setId(id);
        setPrefColumnCount(columns);
        setOnAction(e -> send());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                restore();
                e.consume();
            }
        });
        textProperty().addListener((o, was, now) -> {
            if (!programmatic) {
                dirty = true;
            }
        });
        focusedProperty().addListener((o, was, now) -> {
            if (!now && dirty) {
                send();
            }
        });
        restore();
    }

    private void send() {
        boolean ok = commit.apply(getText());
        pseudoClassStateChanged(INVALID, !ok);
        // a sent value stays shown until the session's value arrives (refresh); a refused one stays to be fixed
        dirty = !ok;
    }

    /** Shows the value now, unless the user has typed something not yet sent or refused. */
    void refresh() {
        if (!dirty) {
            show(current.get());
        }
    }

    /** Drops a typed or refused value and shows the value now. */
    void restore() {
        pseudoClassStateChanged(INVALID, false);
        dirty = false;
        show(current.get());
    }

    private void show(String text) {
        programmatic = true;
        try {
            setText(text);
        } finally {
            programmatic = false;
        }
    }
}
