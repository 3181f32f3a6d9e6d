package org.backproplab.ui.shell;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.backproplab.session.RunTarget;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;

/**
 * "Run to…" (FX thread): the text of the field, which starts at the tutorial's target of the scenario on show
 * ({@link RunTarget#of}: {@code 1500} for {@code xor}, {@code 1000 epochs} for {@code gender}) and follows it when
 * another preset or file is loaded; and the command that sends the target typed to the session, which trains to it
 * exactly on its worker. A text it cannot read is refused with a message naming it, and nothing is sent.
 */
public final class RunToModel {
    private final SessionBridge bridge;
    // Properties
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The tutorial target last put in the field. */
    private RunTarget shownDefault;
    /** The last text the field took (the tutorial's target, or the last target sent): Esc goes back to it. */
    private String lastGood = "";

    public RunToModel(SessionBridge bridge) {
        this.bridge = bridge;
        bridge.snapshotProperty().addListener((o, was, s) -> follow(s));
        follow(bridge.snapshot());
    }

    /** A new scenario (or a new batch size) gets its own tutorial target in the field. */
    private void follow(Snapshot s) {
        if (s == null) {
            return;
        }
        RunTarget t = RunTarget.of(s.scenario());
        if (!t.equals(shownDefault)) {
            shownDefault = t;
            lastGood = t.text();
            text.set(lastGood);
            error.set("");
        }
    }

    /** @return what the field shows: {@code 1500} or {@code 1000 epochs} */
    public StringProperty textProperty() {
        return text;
    }

    /** @return why the last text was refused, or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // Commands

    /**
     * Sends the target {@code typed} to the session.
     *
     * @return true if it was sent; false if it was refused ({@link #errorProperty()} says why, nothing changes)
     */
    public boolean commit(String typed) {
        RunTarget t;
        try {
            t = RunTarget.parse(typed);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        lastGood = t.text();
        text.set(lastGood);
        bridge.session().runTo(t);
        return true;
    }

    /** Cancels the edit: forgets a refused text, and the field shows the last target it took again. */
    public void cancel() {
        error.set("");
        text.set(lastGood);
    }
}
