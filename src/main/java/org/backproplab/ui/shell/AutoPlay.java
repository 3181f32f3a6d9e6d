package org.backproplab.ui.shell;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * Auto-play phases: the phase highlight walks through the phases of each iteration, one phase every
 * {@link #secondsProperty() 1 to 5 seconds}, so a teacher can talk without clicking. The first phase runs at once.
 * Any key pauses it (the key does nothing else), and so does Run. Only the pace lives here, on the FX thread (a
 * timeline); every phase is a command to the session, which computes it on its worker.
 */
public final class AutoPlay {
    /** The slowest and fastest paces offered, seconds per phase. */
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 5;
    /** The pace auto-play starts at. */
    public static final int DEFAULT_SECONDS = 2;

    private final MainViewModel vm;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final IntegerProperty seconds = new SimpleIntegerProperty(this, "seconds", DEFAULT_SECONDS);
    /** The time between phases when set (tests), else {@link #seconds}. */
    private Duration phaseTime;
    private Timeline timeline;
    /** True from a key that paused auto-play until it is released: its typed character does nothing either. */
    private boolean swallowTyped;
    private final EventHandler<KeyEvent> anyKeyPauses = e -> {
        if (e.getEventType() == KeyEvent.KEY_PRESSED && isPlaying()) {
            stop();
            swallowTyped = true;
            e.consume();
        } else if (e.getEventType() == KeyEvent.KEY_TYPED && swallowTyped) {
            e.consume();
        } else if (e.getEventType() == KeyEvent.KEY_RELEASED) {
            swallowTyped = false;
        }
    };

    AutoPlay(MainViewModel vm) {
        this.vm = vm;
        seconds.addListener((o, was, now) -> {
            int s = Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, now.intValue()));
            if (s != now.intValue()) {
                seconds.set(s);
            } else if (isPlaying()) {
                start();
            }
        });
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                stop();
            }
        });
    }

    // Properties

    /** @return true while the phases walk by themselves */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** @return seconds per phase, {@value #MIN_SECONDS} to {@value #MAX_SECONDS} */
    public IntegerProperty secondsProperty() {
        return seconds;
    }

    // Commands

    /** Starts walking the phases (pausing Run first): one phase now, then one every {@link #secondsProperty()}. */
    public void start() {
        if (timeline != null) {
            timeline.stop();
        }
        if (vm.runningProperty().get()) {
            vm.pause();
        }
        Duration every = phaseTime != null ? phaseTime : Duration.seconds(seconds.get());
        timeline = new Timeline(new KeyFrame(every, e -> vm.stepPhase()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        playing.set(true);
        vm.report(String.format(java.util.Locale.ROOT, "Auto-play: one phase every %s. Any key pauses.",
                phaseTime != null ? phaseTime.toMillis() + " ms" : seconds.get() + (seconds.get() == 1 ? " second" : " seconds")));
        vm.stepPhase();
        timeline.play();
    }

    /** Stops walking; the phase on show stays. */
    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
        if (playing.get()) {
            playing.set(false);
            vm.report("Auto-play paused. Shift+→ steps one phase, the Auto-play button walks on.");
        }
    }

    public void toggle() {
        if (isPlaying()) {
            stop();
        } else {
            start();
        }
    }

    /** Sets the time between phases, overriding the seconds (tests use a short one); null goes back to the seconds. */
    void setPhaseTime(Duration d) {
        phaseTime = d;
    }

    /** @return true while a next phase is due (the timeline runs) */
    boolean ticking() {
        return timeline != null && timeline.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    /** Makes any key pressed in {@code scene} pause auto-play; install it before the window's other keys. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, anyKeyPauses);
    }
}
