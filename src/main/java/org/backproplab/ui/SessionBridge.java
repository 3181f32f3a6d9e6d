package org.backproplab.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;

/**
 * The one class that crosses threads: once per frame (an {@link AnimationTimer} on the FX thread) it takes the
 * session's latest immutable {@link Snapshot} and, if it is new, publishes it to the view models. Training
 * never waits for drawing; drawing never trains. Commands go the other way through {@link #session()}.
 */
public final class SessionBridge {
    private final TrainingSession session;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot;
    private final FrameStats frames = new FrameStats();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frames.frame(now);
            refresh();
        }
    };

    public SessionBridge(TrainingSession session) {
        this.session = session;
        this.snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", session.latest());
    }

    // Properties

    /** @return the snapshot the window shows (changes on the FX thread only) */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    /** @return the session, to send commands to */
    public TrainingSession session() {
        return session;
    }

    /** @return frame-interval statistics of the FX pulse (for the UI benchmark) */
    public FrameStats frames() {
        return frames;
    }

    // Commands

    /** Starts following the session once per frame. */
    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Takes the latest snapshot now (FX thread), without waiting for the next frame. */
    public void refresh() {
        Snapshot s = session.latest();
        if (s != snapshot.get() && (snapshot.get() == null || s.version() > snapshot.get().version())) {
            snapshot.set(s);
        }
    }
}
