package org.backproplab.ui.files;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;

/**
 * Which file the window shows and whether there is unsaved work: dirty means the session's change counter
 * ({@link Snapshot#changes()}) moved since the last save or open. The window title says both:
 * {@code Backprop Lab — xor.json •}. No Nodes here.
 */
public final class FileViewModel {
    /** The application's name, the title without a file. */
    public static final String APP = "Backprop Lab";
    /** The mark after the name while there is unsaved work. */
    public static final String DIRTY_MARK = "•";

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final LongProperty savedChanges = new SimpleLongProperty(this, "savedChanges");
    private final BooleanBinding dirty;
    private final StringBinding title;

    public FileViewModel(SessionBridge bridge) {
        savedChanges.set(bridge.snapshot().changes());
        dirty = Bindings.createBooleanBinding(() -> bridge.snapshot() != null
                && bridge.snapshot().changes() != savedChanges.get(), bridge.snapshotProperty(), savedChanges);
        title = Bindings.createStringBinding(() -> titleFor(file.get(), dirty.get()), file, dirty);
    }

    /** @return {@code Backprop Lab — name.json}, with {@code " •"} when dirty; "untitled" before the first save */
    static String titleFor(Path file, boolean dirty) {
        if (file == null && !dirty) {
            return APP;
        }
        String name = file == null ? "untitled" : file.getFileName().toString();
        return APP + " — " + name + (dirty ? " " + DIRTY_MARK : "");
    }

    // Properties

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public StringBinding titleProperty() {
        return title;
    }

    // Commands

    /**
     * The session was restored from an autosave: it belongs to {@code path} (null if it was never saved) and is
     * unsaved until the next save.
     */
    public void restored(Path path) {
        file.set(path);
        savedChanges.set(Long.MIN_VALUE);
    }

    /** The session as it was at change count {@code changes} is now in {@code path} (saved or opened). */
    public void savedAs(Path path, long changes) {
        file.set(path);
        savedChanges.set(changes);
    }
}
