package org.backproplab.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.shape.Rectangle;

/**
 * {@code --benchmark-start}: the time to the first frame. Once the window is shown, an {@link AnimationTimer}
 * waits for the pulse after the first one that laid out the window, waits there for the renderer to finish
 * drawing that first frame (so the window is drawn and answers the next pulse), prints {@code first-frame <epoch ms>} and exits. {@code --benchmark-start=bare} does
 * the same for a bare JavaFX window (a Label in a 1280×800 stage, {@link BareWindow}) started the same way, the
 * reference the app is measured against ({@code src/bench/startup/StartupTime.java} runs both, alternating).
 */
final class StartBenchmark {
    /** The option that selects the measurement. */
    static final String OPTION = "--benchmark-start";
    /** The value of {@link #OPTION} that starts the bare window instead of the app. */
    static final String BARE = "bare";

    private final PrintStream out;

    private StartBenchmark(PrintStream out) {
        this.out = out;
    }

    /** @return the measurement if {@code args} ask for one ({@link #OPTION} or {@code --benchmark-start=bare}) */
    static Optional<StartBenchmark> fromParameters(List<String> args) {
        return args.stream().anyMatch(a -> a.equals(OPTION) || a.startsWith(OPTION + "="))
                ? Optional.of(new StartBenchmark(System.out)) : Optional.empty();
    }

    /** @return true if {@code args} ask for the bare window ({@code --benchmark-start=bare}) */
    static boolean bare(List<String> args) {
        return args.contains(OPTION + "=" + BARE);
    }

    /** Call on the FX thread right after {@code stage.show()}. */
    void afterShow() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // pulse 1 lays out the first frame and hands it to the renderer; in pulse 2 a one-pixel snapshot
                // waits for the renderer, which draws frames in order, to finish the first one
                if (++pulses == 2) {
                    stop();
                    new Rectangle(1, 1).snapshot(null, null);
                    out.println("first-frame " + System.currentTimeMillis());
                    out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }
}
