package org.backproplab.ui.lecture;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.backproplab.ui.UiState;

/**
 * Lecture mode as state and commands (no nodes): on or off (it lives in {@link UiState#lectureProperty()} so
 * every view follows it) and which drawers are open. Both are remembered through {@link LecturePrefs}.
 */
public final class Lecture {
    private final UiState state;
    private final Map<Drawer, BooleanProperty> open = new EnumMap<>(Drawer.class);

    /**
     * @param state the view state to steer
     * @param prefs where the choices are remembered; they are loaded now and saved on every change
     */
    public Lecture(UiState state, LecturePrefs prefs) {
        this.state = state;
        for (Drawer d : Drawer.values()) {
            open.put(d, new SimpleBooleanProperty(this, d.name(), prefs.open(d)));
        }
        state.lectureProperty().set(prefs.lecture());
        Runnable save = () -> prefs.save(state.lectureProperty().get(), d -> open.get(d).get());
        state.lectureProperty().addListener((o, was, now) -> save.run());
        open.values().forEach(p -> p.addListener((o, was, now) -> save.run()));
    }

    // Properties

    /** @return true while lecture mode is on */
    public BooleanProperty onProperty() {
        return state.lectureProperty();
    }

    /** @return true while drawer {@code d} is open (it shows only in lecture mode) */
    public BooleanProperty openProperty(Drawer d) {
        return open.get(d);
    }

    public UiState state() {
        return state;
    }

    // Commands

    /** Lecture mode on if off, off if on (F5). */
    public void toggle() {
        state.lectureProperty().set(!state.lectureProperty().get());
    }

    /** Opens drawer {@code d} if closed, closes it if open. */
    public void toggle(Drawer d) {
        open.get(d).set(!open.get(d).get());
    }

    /** Closes every drawer. */
    public void closeDrawers() {
        open.values().forEach(p -> p.set(false));
    }
}
