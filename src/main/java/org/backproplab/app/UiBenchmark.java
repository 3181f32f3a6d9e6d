package org.backproplab.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.util.Duration;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.FrameStats;
import org.backproplab.ui.SessionBridge;

/**
 * {@code --benchmark-ui N}: runs the real window at full speed (speed slider at max, Run pressed) for a warm-up
 * and then {@code N} seconds, prints the training speed (iterations per second) and the frame-interval
 * percentiles of the FX pulse, and exits. With {@code --lecture} as well, it measures lecture mode (turned on
 * with the toolbar's button as a person would, and off again before the window closes, so that the choice
 * remembered for the next run is not changed). With {@code --neuron-maps} the neurons' own heatmaps are on during
 * the run (ticked as a person would), without it off; the choice the user had is put back at the end. With
 * {@code --fill-screen} the window covers the whole screen (as maximised on a projector) instead of its own size.
 * With {@code --preset NAME} it first chooses that preset in the toolbar's preset list (as a person would), and with
 * {@code --tab ID} it shows that tab of the side column (e.g. {@code confusionTab}, {@code drawTab}) during the run.
 * The report gives samples per second as well: iterations × the samples of an average batch.
 */
final class UiBenchmark {
    /** The option that selects the benchmark. */
    static final String OPTION = "--benchmark-ui";
    /** The option that measures lecture mode. */
    static final String LECTURE = "--lecture";
    /** The option that turns the neuron maps on for the benchmark. */
    static final String MAPS_OPTION = "--neuron-maps";
    /** The option that makes the window cover the whole screen for the benchmark. */
    static final String FILL_OPTION = "--fill-screen";
    /** The option that chooses the preset trained. */
    static final String PRESET_OPTION = "--preset";
    /** The option that shows a tab of the side column during the run. */
    static final String TAB_OPTION = "--tab";
    /**
     * Seconds of running before the measurement: the JIT compiler needs about this long (on this 2-core machine
     * it keeps most of a core busy for the first 6 to 10 seconds of a run).
     */
    static final double WARM_UP_SECONDS = 10.0;

    private final double seconds;
    private final PrintStream out;
    private final boolean lecture;
    private boolean turnedLectureOn;
    private long startNanos;
    private long segmentStart;
    private long doneBefore;
    private int restarts;
    private Map<String, Long> startCpu = Map.of();
    private String warmUpFrames = "";
    private ToggleButton lectureToggle;
    private boolean neuronMaps;
    private boolean fillScreen;
    /** The neuron maps switch as the user had it, put back at the end. */
    private boolean mapsBefore;
    private CheckBox maps;
    /** The preset to train, or null for the one the window opens with. */
    private String preset;
    /** The fx:id of the side column's tab to show, or null. */
    private String tab;

    UiBenchmark(double seconds, PrintStream out, boolean lecture) {
        this.seconds = seconds;
        this.out = out;
        this.lecture = lecture;
    }

    /** @return true if the neuron maps are on during the run */
    boolean neuronMaps() {
        return neuronMaps;
    }

    /** @return true if the window covers the whole screen during the run */
    boolean fillScreen() {
        return fillScreen;
    }

    /** @return the preset chosen before the run, or null for the window's own */
    String preset() {
        return preset;
    }

    /** @return the id of the side tab shown during the run, or null */
    String tab() {
        return tab;
    }

    /** @return true if lecture mode is measured */
    boolean lecture() {
        return lecture;
    }

    /**
     * @param args the window's arguments: {@code --benchmark-ui N} or {@code --benchmark-ui=N}, or neither; and
     *             {@code --lecture} to measure lecture mode, {@code --neuron-maps}, {@code --fill-screen}
     * @return the benchmark asked for in {@code args}, if any
     * @throws IllegalArgumentException naming the value if the duration is not a positive number of seconds
     */
    static Optional<UiBenchmark> fromParameters(List<String> args) {
        Optional<UiBenchmark> b = benchmark(args, args.contains(LECTURE));
        b.ifPresent(x -> {
            x.neuronMaps = args.contains(MAPS_OPTION);
            x.fillScreen = args.contains(FILL_OPTION);
            x.preset = valueOf(args, PRESET_OPTION);
            x.tab = valueOf(args, TAB_OPTION);
        });
        return b;
    }

    private static Optional<UiBenchmark> benchmark(List<String> args, boolean lecture) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(OPTION)) {
                return Optional.of(new UiBenchmark(parseSeconds(i + 1 < args.size() ? args.get(i + 1) : null), System.out,
                        lecture));
            }
            if (a.startsWith(OPTION + "=")) {
                return Optional.of(new UiBenchmark(parseSeconds(a.substring(OPTION.length() + 1)), System.out, lecture));
            }
        }
        return Optional.empty();
    }

    /** @return the word after {@code option}, null if the option is absent; throws naming it if the word is missing */
    private static String valueOf(List<String> args, String option) {
        int i = args.indexOf(option);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException(option + " (missing): expected a name after it, e.g. " + option + " "
                    + (option.equals(PRESET_OPTION) ? "digits" : "confusionTab"));
        }
        return args.get(i + 1);
    }

    /** @return the duration in seconds, or throws naming the bad value */
    static double parseSeconds(String text) {
        double s;
        try {
            s = text == null ? Double.NaN : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s > 0) || s > 3600) {
            throw new IllegalArgumentException(OPTION + " " + (text == null ? "(missing)" : "'" + text + "'")
                    + ": expected a positive number of seconds up to 3600, e.g. " + OPTION + " 20");
        }
        return s;
    }

    /**
     * Moves the window's speed slider to max and presses Run, as a person would; after the warm-up measures for
     * the set time, then prints the report and exits (FX thread).
     */
    void start(SessionBridge bridge, Scene scene) {
        if (preset != null && !preset.equals(bridge.snapshot().scenario().name())) {
            @SuppressWarnings("unchecked")
            ComboBox<String> presets = (ComboBox<String>) scene.lookup("#presetChoice");
            if (!presets.getItems().contains(preset)) {
                throw new IllegalArgumentException(PRESET_OPTION + " '" + preset + "': expected one of " + presets.getItems());
            }
            bridge.snapshotProperty().addListener(new ChangeListener<Snapshot>() {
                @Override
                public void changed(ObservableValue<? extends Snapshot> o, Snapshot was, Snapshot now) {
                    if (now != null && now.scenario().name().equals(preset)) {
                        o.removeListener(this);
                        Platform.runLater(() -> run(bridge, scene));
                    }
                }
            });
            presets.setValue(preset);
            return;
        }
        run(bridge, scene);
    }

    private void run(SessionBridge bridge, Scene scene) {
        TrainingSession session = bridge.session();
        if (tab != null) {
            TabPane panes = scene.getRoot().lookupAll(".tab-pane").stream()
                    .map(TabPane.class::cast)
                    .filter(p -> p.getTabs().stream().anyMatch(t -> tab.equals(t.getId()))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(TAB_OPTION + " '" + tab + "': no tab of that id"));
            panes.getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst()
                    .ifPresent(t -> panes.getSelectionModel().select(t));
        }
        if (fillScreen) {
            javafx.stage.Window w = scene.getWindow();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            w.setX(screen.getMinX());
            w.setY(screen.getMinY());
            w.setWidth(screen.getWidth());
            w.setHeight(screen.getHeight());
        }
        maps = (CheckBox) scene.lookup("#neuronThumbnailsToggle");
        mapsBefore = maps.isSelected();
        maps.setSelected(neuronMaps);
        if (lecture && scene.lookup("#lectureToggle") instanceof ToggleButton toggle && !toggle.isSelected()) {
            toggle.fire();
            turnedLectureOn = true;
        }
        lectureToggle = (ToggleButton) scene.lookup("#lectureToggle");
        Slider speed = (Slider) scene.lookup("#speedSlider");
        speed.setValue(speed.getMax());
        ((ButtonBase) scene.lookup("#runButton")).fire();
        // at full speed the history cap (History.MAX_LENGTH) is reached within seconds; the session then
        // pauses. The benchmark resets and runs on, counting every iteration trained while measuring.
        bridge.snapshotProperty().addListener((o, was, now) -> {
            if (!now.running() && !now.diverged() && now.iteration() > segmentStart) {
                if (startNanos != 0) {
                    doneBefore += now.iteration() - segmentStart;
                    restarts++;
                }
                segmentStart = 0;
                session.reset();
                session.run();
            }
        });
        PauseTransition warmUp = new PauseTransition(Duration.seconds(WARM_UP_SECONDS));
        warmUp.setOnFinished(e -> {
            FrameStats f = bridge.frames();
            warmUpFrames = String.format(Locale.ROOT, "%d frames, interval p50 %.2f ms, p95 %.2f ms", f.count(),
                    f.percentileMillis(50), f.percentileMillis(95));
            f.clear();
            startNanos = System.nanoTime();
            segmentStart = session.latest().iteration();
            startCpu = threadCpuNanos();
            PauseTransition measure = new PauseTransition(Duration.seconds(seconds));
            measure.setOnFinished(g -> finish(bridge));
            measure.play();
        });
        warmUp.play();
    }

    /** @return CPU time so far of every live thread, by name (threads of the same name added up) */
    private static Map<String, Long> threadCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            long ns = t == null ? -1 : mx.getThreadCpuTime(t.getThreadId());
            if (ns > 0) {
                cpu.merge(t.getThreadName(), ns, Long::sum);
            }
        }
        return cpu;
    }

    /** @return CPU time of every thread since the measurement started, by name */
    private Map<String, Long> cpuSinceStart() {
        Map<String, Long> d = new HashMap<>();
        threadCpuNanos().forEach((name, ns) -> d.put(name, ns - startCpu.getOrDefault(name, 0L)));
        return d;
    }

    /** @return e.g. "backprop-lab-training 97%, JavaFX Application Thread 21%, QuantumRenderer-0 18%" */
    private static String busiestThreads(Map<String, Long> cpu, double elapsedSeconds) {
        return cpu.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(4)
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue() / 1e9 / elapsedSeconds))
                .collect(Collectors.joining(", "));
    }

    /** @return the samples of an average update: the training rows of an epoch over the updates of an epoch */
    static double samplesPerIteration(Snapshot s) {
        int rows = s.scenario().dataset().size() - s.scenario().testRows().length;
        return (double) rows / s.scenario().config().batch().batchesPerEpoch(rows);
    }

    private void finish(SessionBridge bridge) {
        Snapshot s = bridge.session().latest();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        FrameStats f = bridge.frames();
        long trained = doneBefore + s.iteration() - segmentStart;
        double rate = trained / elapsed;
        out.println(String.format(Locale.ROOT, "Backprop Lab UI benchmark: preset %s%s, neuron maps %s, window %.0f×%.0f, "
                + "%.1f s at full speed after %.0f s of warm-up", s.scenario().name(), lecture ? ", lecture mode" : "",
                neuronMaps ? "on" : "off", lectureToggle.getScene().getWidth(), lectureToggle.getScene().getHeight(),
                elapsed, WARM_UP_SECONDS));
        out.println("warm-up (JIT compiling): " + warmUpFrames);
        out.println(String.format(Locale.ROOT, "iterations: %d (%,.0f iterations per second, %,.0f samples per second)%s",
                trained, rate, rate * samplesPerIteration(s), restarts == 0 ? "" : ", reset " + restarts + "× at the history cap of "
                        + String.format(Locale.ROOT, "%,d", TrainingSession.MAX_HISTORY) + " and run on"));
        out.println(String.format(Locale.ROOT, "frames: %d, interval p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                f.count(), f.percentileMillis(50), f.percentileMillis(95), f.percentileMillis(99), f.percentileMillis(100)));
        Map<String, Long> cpu = cpuSinceStart();
        out.println("busiest threads (CPU time / wall time): " + busiestThreads(cpu, elapsed));
        out.println(String.format(Locale.ROOT, "CPU per frame: JavaFX Application Thread %.2f ms, QuantumRenderer-0 %.2f ms",
                cpu.getOrDefault("JavaFX Application Thread", 0L) / 1e6 / Math.max(1, f.count()),
                cpu.getOrDefault("QuantumRenderer-0", 0L) / 1e6 / Math.max(1, f.count())));
        out.println(String.format(Locale.ROOT, "final loss %.6g, diverged %s", s.loss(), s.diverged()));
        out.flush();
        if (turnedLectureOn) {
            lectureToggle.fire();
        }
        maps.setSelected(mapsBefore);
        Platform.exit();
    }
}
