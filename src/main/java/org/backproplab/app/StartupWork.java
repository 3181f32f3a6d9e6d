package org.backproplab.app;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import org.backproplab.data.Presets;
import org.backproplab.io.ShippedLessons;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.files.RecentFiles;
import org.backproplab.ui.presenter.PresenterPrefs;
import org.backproplab.ui.shell.MainViewModel;

/**
 * What the window needs before its first frame that needs no window, done on a background thread while JavaFX
 * starts (which keeps one core busy for a few hundred milliseconds and leaves the other idle): the training session
 * on the default preset, the titles of the shipped lessons (the Lessons menu lists them; reading them starts the
 * JSON reader), the user's preferences (read from XML on first use), and Java's font system (the loss
 * chart measures its labels with it; starting it reads the system's font configuration). The presets on real data
 * are read only once the window is drawn ({@link #afterShown}), so that choosing one later does not wait.
 */
final class StartupWork {
    /** A session on the default preset, ready for the window. */
    record Prepared(TrainingSession session) {
    }

    private static volatile CompletableFuture<Prepared> started;

    private StartupWork() {
    }

    /** Starts the work (before {@code Application.launch}). */
    static void begin() {
        CompletableFuture<Prepared> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(prepare());
            } catch (Throwable e) {
                f.completeExceptionally(e);
                return;
            }
            warmUp();
        }, "backprop-lab-start");
        t.setDaemon(true);
        started = f;
        t.start();
    }

    /** @return what {@link #begin} prepared, or the same prepared now if it was not begun (the tests' windows) */
    static Prepared take() {
        CompletableFuture<Prepared> f = started;
        started = null;
        return f == null ? prepare() : f.join();
    }

    private static Prepared prepare() {
        TrainingSession session = new TrainingSession(Presets.get(Presets.DEFAULT));
        session.setSpeed(MainViewModel.DEFAULT_SPEED);
        Presets.entries(); // the preset menus' names and descriptions, kept
        return new Prepared(session);
    }

    /**
     * Reads the presets on real data ({@link Presets#all()} keeps them) on a background thread of low priority, once
     * the window is drawn: the first frame does not wait for them, and a preset chosen later is ready.
     */
    static void afterShown() {
        Thread t = new Thread(Presets::all, "backprop-lab-presets");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Reads what is read anyway before the first frame, so that it is cached by then; changes nothing. */
    private static void warmUp() {
        // the preferences first: the first screen reads them; the lessons' titles only its menus, made a frame later
        Preferences.userRoot().node(PresenterPrefs.NODE).get("theme", "");
        RecentFiles.userNode().get("recent", "");
        ShippedLessons.NAMES.forEach(ShippedLessons::title);
        new Font("DejaVu Sans", Font.PLAIN, 13).getStringBounds("0.5", new FontRenderContext(null, true, true));
    }
}
