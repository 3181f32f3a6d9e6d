package org.backproplab.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.shape.Rectangle;

/**
 * {@code --benchmark-start}: the time to the first frame. Once the window is shown, an {@link AnimationTimer}
 * waits for the pulse after the first one that laid out the window, waits there for the renderer to finish
 * drawing that first frame (so the window is drawn and answers the next pulse) and prints {@code first-frame <epoch ms>};
 * once the window is complete (the parts made after the first frame, {@code MainWindow#whenComplete}) it waits the
 * same way for the frame that shows it, prints {@code complete <epoch ms>} and, on a last line, when each step of
 * the start was reached ({@link #mark}, in ms since the JVM started), and exits. {@code --benchmark-start=bare} does the same for a bare JavaFX window (a Label in a 1280×800 stage,
 * {@link BareWindow}) started the same way, the reference the app is measured against
 * ({@code src/bench/startup/StartupTime.java} runs both, alternating).
 */
final class StartBenchmark {
    /** The option that selects the measurement. */
    static final String OPTION = "--benchmark-start";
    /** The value of {@link #OPTION} that starts the bare window instead of the app. */
    static final String BARE = "bare";

    /** The steps of the start reached so far, in order: name and {@link System#currentTimeMillis()}. */
    private static final List<Map.Entry<String, Long>> MARKS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The processor time the window's thread and JavaFX's renderer had used when the first frame was drawn, ms. */
    private static volatile long fxCpuAtFrame = -1;
    private static volatile long renderCpuAtFrame = -1;

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

    /** Notes that the start reached step {@code name} (any thread; costs next to nothing, printed only when measuring). */
    static void mark(String name) {
        MARKS.add(Map.entry(name, System.currentTimeMillis()));
    }

    /**
     * @return e.g. {@code steps main=95 start=610 shown=1200 frame=1400 cpu=2100 fx-cpu-frame=420 render-cpu-frame=60}:
     *         when each step was reached, in ms since the JVM started, the processor time used so far (of every
     *         thread, the JIT compilers' too: what the start cost, however busy the machine was), and the processor
     *         time of the window's thread and of the renderer up to the first frame (their own work before it, which
     *         other work on the machine does not lengthen)
     */
    static String steps() {
        long t0 = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder b = new StringBuilder("steps");
        for (Map.Entry<String, Long> m : MARKS) {
            b.append(' ').append(m.getKey()).append('=').append(m.getValue() - t0);
        }
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> b.append(" cpu=").append(cpu.toMillis()));
        if (fxCpuAtFrame >= 0) {
            b.append(" fx-cpu-frame=").append(fxCpuAtFrame).append(" render-cpu-frame=").append(renderCpuAtFrame);
        }
        return b.toString();
    }

    /**
     * Call on the FX thread right after {@code stage.show()}.
     *
     * @param complete completed once the window is complete (already, for a window made at once)
     */
    void afterShow(java.util.concurrent.CompletableFuture<?> complete) {
        afterNextFrame(() -> {
            long drawn = drawnNow("frame");
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            fxCpuAtFrame = threads.getCurrentThreadCpuTime() / 1_000_000;
            renderCpuAtFrame = java.util.Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                    .filter(t -> t != null && t.getThreadName().startsWith("QuantumRenderer"))
                    .mapToLong(t -> threads.getThreadCpuTime(t.getThreadId())).filter(ns -> ns > 0).sum() / 1_000_000;
            out.println("first-frame " + drawn);
            out.flush();
            complete.whenComplete((v, e) -> afterNextFrame(() -> {
                out.println("complete " + drawnNow("drawn-complete"));
                out.println(steps());
                out.flush();
                Platform.exit();
            }));
        });
    }

    /**
     * Runs {@code then} once the frame laid out by the next pulse is drawn: pulse 1 lays it out and hands it to the
     * renderer; in pulse 2 a one-pixel snapshot waits for the renderer, which draws frames in order, to finish it.
     */
    private static void afterNextFrame(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /** @return the time now, once the renderer has drawn the frames handed to it, marked as {@code step} */
    private static long drawnNow(String step) {
        new Rectangle(1, 1).snapshot(null, null);
        long drawn = System.currentTimeMillis();
        mark(step);
        return drawn;
    }
}
