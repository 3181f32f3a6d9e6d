package org.backproplab.ui.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;

/**
 * The parts of the window its first frame does without (the menus and the toolbar, the side tabs, the loss chart,
 * the data table), each made and put into the place kept for it: either all at once ({@link #makeNow}) or one per
 * frame once the first frame is drawn ({@link #makeOnFrames}), so the window appears sooner and each part arrives in
 * its final place. FX thread only.
 */
final class LaterParts {
    /** Frames left alone before the first part is made: the first one lays out and draws the window. */
    static final int FRAMES_BEFORE = 1;

    private final Deque<Runnable> parts = new ArrayDeque<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean started;

    /** Adds a part; parts are made in the order added. */
    void add(Runnable part) {
        if (started) {
            throw new IllegalStateException("a part was added after the parts began to be made");
        }
        parts.add(part);
    }

    /** @return completed once every part is made (exceptionally if making one failed) */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Makes every part not made yet, now. */
    void makeNow() {
        started = true;
        while (!parts.isEmpty()) {
            makeNext();
        }
        done.complete(null);
    }

    /**
     * Makes the parts one per frame, beginning on the frame after the next one (the next draws the window as it is);
     * call right after the window is shown.
     */
    void makeOnFrames() {
        started = true;
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (parts.isEmpty()) {
                    stop();
                } else if (++frames > FRAMES_BEFORE) {
                    makeNext();
                }
            }
        }.start();
        if (parts.isEmpty()) {
            done.complete(null);
        }
    }

    private void makeNext() {
        try {
            parts.remove().run();
        } catch (RuntimeException | Error e) {
            parts.clear();
            done.completeExceptionally(e);
            throw e;
        }
        if (parts.isEmpty()) {
            done.complete(null);
        }
    }
}
