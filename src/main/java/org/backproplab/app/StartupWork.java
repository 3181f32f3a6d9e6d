package org.backproplab.app;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.exercise.ResultsLog;
import org.backproplab.ui.files.RecentFiles;
import org.backproplab.ui.lecture.LecturePrefs;
import org.backproplab.ui.presenter.PresenterPrefs;
import org.backproplab.ui.shell.MainViewModel;

/**
 * What the window needs before its first frame that needs no window, done on a background thread while JavaFX
 * starts (which keeps one core busy for a few hundred milliseconds and leaves the other idle): the training session
 * on the default preset, the user's preferences (read from XML on first use), Java's formatter and its
 * bidirectional-text tables, and, once the first frame is drawn, Java's font system (the loss chart measures its
 * labels with it; starting it reads the system's font configuration). The presets on real data are read only once
 * the window is drawn ({@link #afterShown}), so that choosing one later does not wait.
 */
final class StartupWork {
    /** A session on the default preset, ready for the window. */
    record Prepared(TrainingSession session) {
    }

    private static volatile CompletableFuture<Prepared> started;
    /** Counted down once the window's first frame is drawn ({@link #firstFrameDrawn}). */
    private static final java.util.concurrent.CountDownLatch FIRST_FRAME = new java.util.concurrent.CountDownLatch(1);
    /** How long the rest of the work waits for the first frame at most (a window that never draws one). */
    private static final long FIRST_FRAME_WAIT_SECONDS = 5;

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

    /** Lets the rest of the work begin (call once the window's first frame is drawn; any thread). */
    static void firstFrameDrawn() {
        FIRST_FRAME.countDown();
    }

    /**
     * Reads what the window reads anyway, so that it is cached by then; changes nothing. The preferences, which the
     * first frame reads, and what its texts start in Java, at once; the fonts (the loss chart, made on a later frame)
     * once the first frame is drawn: on a 2-core PC, work done meanwhile takes a core from the window thread, the
     * renderer and the compilers.
     */
    private static void warmUp() {
        Preferences.userRoot().node(PresenterPrefs.NODE).get("theme", "");
        RecentFiles.userNode().get("recent", "");
        LecturePrefs.user().node().get("lecture", "");
        ResultsLog.userNode().get("student", "");
        // Java's formatter (its patterns and the locale's symbols: the status line's first text) and its
        // bidirectional-text tables (JavaFX lays out text with "η" or "→" through them), started here
        String.format(java.util.Locale.ROOT, "%,d %.4f", 1000, 0.5);
        new java.text.Bidi("η → 0", java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        try {
            FIRST_FRAME.await(FIRST_FRAME_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        new Font("DejaVu Sans", Font.PLAIN, 13).getStringBounds("0.5", new FontRenderContext(null, true, true));
    }
}
