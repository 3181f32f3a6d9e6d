package org.backproplab.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.backproplab.engine.TrainingConfig;

/**
 * Owns a {@link Trainer} on one worker thread, takes commands from any thread and publishes immutable
 * {@link Snapshot}s. Commands run in the order given; one that is refused (a bad value) changes nothing and
 * says why in the next snapshot's message. While running, training never waits for anyone: snapshots are
 * published at most every {@value #PUBLISH_NANOS} ns and readers take the latest.
 *
 * <h2>Commands</h2>
 * step, stepPhase, back, run, pause, reset, newSeed, setSpeed, setConfig, setLearningRate, setWeight,
 * setBias, setInput, setTarget, setDataset, load, goTo. Each returns at once.
 */
public final class TrainingSession implements AutoCloseable {
    /** Publish at most once per this many nanoseconds while running (about 60 per second). */
    public static final long PUBLISH_NANOS = 15_000_000L;
    /** The speed value that means "as fast as the machine goes". */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    /** The most iterations one history holds; training pauses there (see {@code History}). */
    public static final long MAX_HISTORY = History.MAX_LENGTH;
    static final int CURVE_POINTS = 1000;

    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile Snapshot latest;
    private volatile boolean closed;
    private volatile Consumer<Snapshot> listener = s -> { };

    // ---- worker-thread state -------------------------------------------------------------------------
    private final SessionCore core;

    /** Starts a session on {@code scenario} with its own worker thread. */
    public TrainingSession(Scenario scenario) {
        this.core = new SessionCore(scenario);
        this.latest = core.snapshot(0, "");
        this.worker = new Thread(this::loop, "backprop-lab-training");
        worker.setDaemon(true);
        worker.start();
    }

    // ---- Properties ----------------------------------------------------------------------------------

    /** @return the latest published snapshot (never null) */
    public Snapshot latest() {
        return latest;
    }

    /** Calls {@code l} on the worker thread after every publication (keep it cheap; the window polls instead). */
    public void setListener(Consumer<Snapshot> l) {
        this.listener = l == null ? s -> { } : l;
    }

    // ---- Commands ------------------------------------------------------------------------------------

    /** One whole iteration (or the rest of the current one). */
    public void step() {
        submit(core::step);
    }

    /** {@code count} iterations at once (no pause in between). */
    public void stepMany(long count) {
        submit(() -> core.stepMany(count));
    }

    /** One phase. */
    public void stepPhase() {
        submit(core::stepPhase);
    }

    /** Undoes the last phase, iteration or edit. */
    public void back() {
        submit(core::back);
    }

    /** Starts training continuously at the set speed. */
    public void run() {
        submit(core::run);
    }

    /** Stops continuous training; the next snapshot is complete (with preview). */
    public void pause() {
        submit(core::pause);
    }

    /** Run if paused, pause if running. */
    public void toggleRun() {
        submit(() -> {
            if (core.running) {
                core.pause();
            } else {
                core.run();
            }
        });
    }

    /** Back to the initial weights of the current seed; the history is cleared. */
    public void reset() {
        submit(core::reset);
    }

    /** Reset with the next seed (seed + 1). */
    public void newSeed() {
        submit(core::newSeed);
    }

    /** @param iterationsPerSecond from 1 upwards, or {@link #MAX_SPEED} */
    public void setSpeed(double iterationsPerSecond) {
        if (!(iterationsPerSecond > 0)) {
            throw new IllegalArgumentException("speed " + iterationsPerSecond + " is not allowed: expected > 0 iterations per second");
        }
        submit(() -> core.setSpeed(iterationsPerSecond));
    }

    /**
     * Changes η; training goes on with the same weights and a marker appears on the chart.
     *
     * @throws IllegalArgumentException at once if {@code eta} is not a finite number ≥ 0
     */
    public void setLearningRate(double eta) {
        if (!Double.isFinite(eta) || eta < 0) {
            throw new IllegalArgumentException("learning rate " + eta + " is not allowed: expected a finite number ≥ 0");
        }
        submit(() -> core.setConfig(core.trainer.config().withLearningRate(eta)));
    }

    /**
     * Changes the training configuration. A new initializer or seed re-initialises the weights; anything else
     * (η, momentum, batch mode, loss, shuffling) goes on from the weights now, with a marker.
     */
    public void setConfig(TrainingConfig config) {
        submit(() -> core.setConfig(config));
    }

    /** What-if: sets {@code W^l[from][to]}; loss, predictions and gradients are recomputed at once. */
    public void setWeight(int l, int from, int to, double value) {
        submit(() -> core.edit("W" + l + "[" + (from + 1) + "," + (to + 1) + "] = " + fmt(value),
                () -> core.trainer.setWeight(l, from, to, value), null));
    }

    /** What-if: sets {@code b^l[to]}. */
    public void setBias(int l, int to, double value) {
        submit(() -> core.edit("b" + l + "[" + (to + 1) + "] = " + fmt(value),
                () -> core.trainer.setBias(l, to, value), null));
    }

    /** What-if: sets one input of one sample. */
    public void setInput(int sample, int column, double value) {
        submit(() -> core.edit(core.dataset.label(sample) + " " + core.dataset.inputNames().get(column) + " = " + fmt(value),
                () -> core.trainer.setInput(sample, column, value),
                () -> core.dataset = core.dataset.withInput(sample, column, value)));
    }

    /** What-if: sets one target of one sample. */
    public void setTarget(int sample, int column, double value) {
        submit(() -> core.edit(core.dataset.label(sample) + " " + core.dataset.targetNames().get(column) + " = " + fmt(value),
                () -> core.trainer.setTarget(sample, column, value),
                () -> core.dataset = core.dataset.withTarget(sample, column, value)));
    }

    /** Replaces the samples (rows added or removed, probes changed); widths must stay the same. */
    public void setDataset(Dataset d) {
        submit(() -> core.setDataset(d));
    }

    /**
     * Holds out a share of the samples, chosen by the seed, as a test set: they are evaluated (test loss and
     * accuracy, a second curve) but never trained on. 0 puts every sample back into training.
     *
     * @throws IllegalArgumentException at once if {@code fraction} is outside [0, 0.9]
     */
    public void setTestFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 0.9)) {
            throw new IllegalArgumentException("test share " + fraction + " is not allowed: expected 0 to 90 %");
        }
        submit(() -> core.setTestFraction(fraction));
    }

    /** Starts over on another scenario (a preset, a file, a new architecture). */
    public void load(Scenario scenario) {
        submit(() -> core.load(scenario, null, 0));
    }

    /**
     * Starts over on a scenario with given weights and iteration count (a file).
     *
     * @param state trainer state with the file's weights, from {@code Trainer.state()}
     */
    public void load(Scenario scenario, TrainerState state) {
        submit(() -> core.load(scenario, state, 0));
    }

    /**
     * Replaces the session by a saved one, history included: replays from the record's initial state through
     * its edits (exact, training is seeded), checks the losses bit for bit, and shows the record's iteration.
     * If the replay differs, the saved weights are kept without a history and the message says so. A record
     * the engine refuses (a bad data set or split) changes nothing and the message says why.
     *
     * @return a future completed with the message once the session is rebuilt, or completed exceptionally
     *         with the {@link IllegalArgumentException} that refused the record
     */
    public CompletableFuture<String> open(HistoryRecord record) {
        java.util.Objects.requireNonNull(record, "record");
        CompletableFuture<String> done = new CompletableFuture<>();
        submit(() -> {
            try {
                core.open(record);
                done.complete(core.message);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                throw e;
            }
        });
        return done;
    }

    /** Shows iteration {@code k} of the history exactly; training or editing from there replaces what came after. */
    public void goTo(long k) {
        submit(() -> core.goTo(k));
    }

    /** Back to the last state whose loss and weights were finite (after divergence). */
    public void backToFinite() {
        submit(core::backToFinite);
    }

    /** @return a future completed, on the worker, with a fresh snapshot once every earlier command has run */
    public CompletableFuture<Snapshot> sync() {
        CompletableFuture<Snapshot> f = new CompletableFuture<>();
        submit(() -> f.complete(publish()));
        return f;
    }

    /** Runs {@code job} on the worker with the trainer (for reads such as exports), then completes. */
    public <T> CompletableFuture<T> query(java.util.function.Function<SessionCore.View, T> job) {
        CompletableFuture<T> f = new CompletableFuture<>();
        submit(() -> {
            try {
                f.complete(job.apply(core.view()));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }

    // ---- worker --------------------------------------------------------------------------------------

    private void submit(Runnable command) {
        if (closed) {
            throw new IllegalStateException("the training session is closed");
        }
        commands.add(command);
    }

    private void loop() {
        long lastPublish = System.nanoTime();
        try {
            while (!closed) {
                Runnable c = core.running ? commands.poll(core.idleNanos(), TimeUnit.NANOSECONDS) : commands.take();
                if (c != null) {
                    do {
                        execute(c);
                        c = commands.poll();
                    } while (c != null);
                    publish();
                    lastPublish = System.nanoTime();
                }
                if (core.running) {
                    boolean stopped = core.trainChunk(lastPublish + PUBLISH_NANOS);
                    long now = System.nanoTime();
                    if (stopped || now - lastPublish >= PUBLISH_NANOS) {
                        publish();
                        lastPublish = now;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(Runnable c) {
        try {
            c.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            core.message = e.getMessage();
        } catch (RuntimeException e) {
            core.message = "Something went wrong: " + e;
        }
    }

    private Snapshot publish() {
        Snapshot s = core.snapshot(latest.version() + 1, core.takeMessage());
        latest = s;
        listener.accept(s);
        return s;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

}
