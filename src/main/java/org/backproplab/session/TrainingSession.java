package org.backproplab.session;

import java.util.concurrent.CompletableFuture;
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
 * Each says what the person meant ("add a row", "set layer 2 to 6 neurons") and is applied by the worker to the
 * state it has then, never to a state computed from an older snapshot: step, stepPhase, back, run, runTo, pause,
 * reset, newSeed, setSpeed, setConfig, setLearningRate, setWeight, setBias, setInput, setTarget, addSample,
 * removeSample, setDataset, reshape, load, goTo, resumeFromHere, startVariant, trainAllTo, showRun, deleteRun. Each returns at
 * once.
 *
 * <h2>Queries</h2>
 * Exports and checks get copies made on the worker (a history record, the loss history, a gradient check, a
 * trainer at an iteration), never the live trainer.
 *
 * <h2>Failures</h2>
 * A command that breaks on the worker (a bug, or an error such as running out of memory) is reported in the next
 * snapshot ({@link Snapshot#failure()}, shown by the window as a dialog); the run on show is put back at its
 * iteration from the history, and the worker goes on taking commands. No future waits forever: each one completes,
 * with its value or exceptionally, also when the session is closed.
 */
public final class TrainingSession implements AutoCloseable {
    /** Publish at most once per this many nanoseconds while running (about 60 per second). */
    public static final long PUBLISH_NANOS = 15_000_000L;
    /** The speed value that means "as fast as the machine goes". */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    /** The most iterations one history holds; training pauses there (see {@code History}). */
    public static final long MAX_HISTORY = History.MAX_LENGTH;
    /**
     * After a divergence, "back to the last finite state" lands on the last iteration whose loss is at most this
     * many times the lowest loss before it (see {@code DivergenceLanding}); the command line keeps its state by
     * the same rule.
     */
    public static final int RESCUE_FACTOR = DivergenceLanding.FACTOR;
    static final int CURVE_POINTS = 1000;

    private final Worker worker;
    private final BackgroundChecks checks = new BackgroundChecks();

    // ---- worker-thread state -------------------------------------------------------------------------
    private final SessionCore core;

    /** Starts a session on {@code scenario} with its own worker thread. */
    public TrainingSession(Scenario scenario) {
        this.core = new SessionCore(scenario);
        this.worker = new Worker(core);
    }

    // ---- Properties ----------------------------------------------------------------------------------

    /** @return the latest published snapshot (never null) */
    public Snapshot latest() {
        return worker.latest();
    }

    /** Calls {@code l} on the worker thread after every publication (keep it cheap; the window polls instead). */
    public void setListener(Consumer<Snapshot> l) {
        worker.setListener(l);
    }

    // ---- Commands ------------------------------------------------------------------------------------

    /** One whole iteration (or the rest of the current one). */
    public void step() {
        submit(core::step);
    }

    /** {@code count} iterations at once (no pause in between). */
    public void stepMany(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("iterations " + count + " is not allowed: expected 0 or more");
        }
        submit(locked(Lock.RUN, () -> core.stepMany(count)));
    }

    /** One phase. */
    public void stepPhase() {
        submit(core::stepPhase);
    }

    /**
     * Undoes the last phase, iteration or edit (walking back along the run: nothing recorded is dropped), and right
     * after a preset, data set, architecture, file or reset switch brings the previous session back.
     */
    public void back() {
        submit(locked(Lock.BACK, core::back));
    }

    /**
     * Locks {@code locks} (a lesson's): from the next command on, every command of a locked group is refused,
     * changes nothing and says {@link Lock#refusal()}; the others run as before. Commands queued before this one
     * run unlocked, so a lesson can perform its own actions and lock afterwards.
     */
    public void setLocks(java.util.Set<Lock> locks) {
        java.util.Set<Lock> copy = locks.isEmpty() ? java.util.EnumSet.noneOf(Lock.class) : java.util.EnumSet.copyOf(locks);
        submit(() -> core.locks = copy);
    }

    /** @return {@code command}, refused on the worker if {@code lock} is locked then */
    private Runnable locked(Lock lock, Runnable command) {
        return () -> {
            if (core.locks.contains(lock)) {
                throw new IllegalStateException(lock.refusal());
            }
            command.run();
        };
    }

    /** Starts training continuously at the set speed. */
    public void run() {
        submit(locked(Lock.RUN, core::run));
    }

    /**
     * Run to…: trains at the set speed and pauses exactly at iteration or epoch {@code target} (epochs as the trainer
     * counts them); a target behind the iteration on show is shown from the history instead. A target before the
     * run, or beyond the last iteration a run may reach, is refused and changes nothing (the message says why).
     * Pause, Run and any command that stops training forget the target.
     */
    public void runTo(RunTarget target) {
        java.util.Objects.requireNonNull(target, "target");
        submit(locked(Lock.RUN, () -> core.runTo(target)));
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
                locked(Lock.RUN, core::run).run();
            }
        });
    }

    /** Back to the initial weights of the current seed in a new session; Back brings the trained one back. */
    public void reset() {
        submit(locked(Lock.RESET, core.switches::reset));
    }

    /** Reset with the next seed (seed + 1). */
    public void newSeed() {
        submit(locked(Lock.RESET, core.switches::newSeed));
    }

    /** @param iterationsPerSecond from 1 upwards, or {@link #MAX_SPEED} */
    public void setSpeed(double iterationsPerSecond) {
        if (!(iterationsPerSecond > 0)) {
            throw new IllegalArgumentException("speed " + iterationsPerSecond + " is not allowed: expected > 0 iterations per second");
        }
        submit(() -> core.setSpeed(iterationsPerSecond));
    }

    /**
     * Decimates the loss curves of the next snapshots for a logarithmic iteration axis (every iteration of the start
     * of training kept, iteration 0 left out) or, with {@code false}, a linear one. Changes nothing else.
     */
    public void setLogIterations(boolean on) {
        submit(() -> core.logIterations = on);
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
        submit(locked(Lock.TRAINING, () -> core.edits.setConfig(core.trainer.config().withLearningRate(eta))));
    }

    /**
     * Changes the training configuration. A new initializer or seed re-initialises the weights; anything else
     * (η, momentum, batch mode, loss, shuffling) goes on from the weights now, with a marker.
     */
    public void setConfig(TrainingConfig config) {
        java.util.Objects.requireNonNull(config, "config");
        submit(locked(Lock.TRAINING, () -> core.edits.setConfig(config)));
    }

    /**
     * Changes the training configuration by {@code change}, applied to the configuration the session has when
     * the command runs (so two quick changes never undo each other).
     */
    public void updateConfig(java.util.function.UnaryOperator<TrainingConfig> change) {
        submit(locked(Lock.TRAINING, () -> core.edits.setConfig(change.apply(core.trainer.config()))));
    }

    /** What-if: sets {@code W^l[from][to]}; loss, predictions and gradients are recomputed at once. */
    public void setWeight(int l, int from, int to, double value) {
        submit(locked(Lock.WEIGHTS, () -> core.edits.edit(org.backproplab.text.ParameterNames.weight(l, from, to) + " = " + fmt(value),
                () -> core.trainer.setWeight(l, from, to, value), null)));
    }

    /** What-if: sets {@code b^l[to]}. */
    public void setBias(int l, int to, double value) {
        submit(locked(Lock.WEIGHTS, () -> core.edits.edit(org.backproplab.text.ParameterNames.bias(l, to) + " = " + fmt(value),
                () -> core.trainer.setBias(l, to, value), null)));
    }

    /** What-if: sets one input of one sample; its derived inputs (x1², sin x1 …) follow. */
    public void setInput(int sample, int column, double value) {
        submit(locked(Lock.DATA, () -> {
            checkCell(sample, column, core.dataset.inputSize(), "input");
            Dataset[] after = new Dataset[1];
            core.edits.edit(core.dataset.label(sample) + " " + core.dataset.inputNames().get(column) + " = " + fmt(value),
                    () -> {
                        core.trainer.setInput(sample, column, value);
                        after[0] = core.dataset.withInput(sample, column, value); // refuses a derived input
                        for (int c = 0; c < after[0].inputSize(); c++) {
                            if (after[0].isDerived(c)) { // x1² follows x1
                                core.trainer.setInput(sample, c, after[0].input(sample, c));
                            }
                        }
                    },
                    () -> core.dataset = after[0]);
        }));
    }

    /** What-if: sets one target of one sample. */
    public void setTarget(int sample, int column, double value) {
        submit(locked(Lock.DATA, () -> {
            checkCell(sample, column, core.dataset.targetSize(), "target");
            core.edits.edit(core.dataset.label(sample) + " " + core.dataset.targetNames().get(column) + " = " + fmt(value),
                    () -> core.trainer.setTarget(sample, column, value),
                    () -> core.dataset = core.dataset.withTarget(sample, column, value));
        }));
    }

    private void checkCell(int sample, int column, int columns, String what) {
        if (sample < 0 || sample >= core.dataset.size()) {
            throw new IllegalArgumentException("row " + (sample + 1) + " does not exist: expected 1 to " + core.dataset.size());
        }
        if (column < 0 || column >= columns) {
            throw new IllegalArgumentException(what + " column " + (column + 1) + " does not exist: expected 1 to " + columns);
        }
    }

    /** Adds a sample at the end of the data set as it is then: a copy of row {@code copyOf}, or zeros if −1. */
    public void addSample(int copyOf) {
        submit(locked(Lock.DATA, () -> core.edits.addSample(copyOf)));
    }

    /** Removes sample {@code row} of the data set as it is then (never the last one). */
    public void removeSample(int row) {
        submit(locked(Lock.DATA, () -> core.edits.removeSample(row)));
    }

    /** Replaces the samples (a new data set of the same widths, or new probes). */
    public void setDataset(Dataset d) {
        java.util.Objects.requireNonNull(d, "data set");
        submit(locked(Lock.DATA, () -> core.edits.setDataset(d, "data set: " + d.size() + " samples")));
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
        submit(locked(Lock.DATA, () -> core.edits.setTestFraction(fraction)));
    }

    /**
     * Starts over on a scenario made from the one the session has when the command runs (its data set, layers and
     * configuration then), e.g. "layer 2 gets 6 neurons" or "this data set under the current layers". The session
     * on show is kept for Back.
     *
     * @param what says what changed, e.g. "hidden layer 2 with 6 neurons"
     */
    public void reshape(java.util.function.UnaryOperator<Scenario> change, String what) {
        submit(locked(Lock.ARCHITECTURE, () -> {
            Scenario s = change.apply(core.currentScenario());
            core.switches.load(s, null, "Started over with " + what + ".");
        }));
    }

    /** Starts over on another scenario (a preset, a data set of another shape); Back brings the session on show back. */
    public void load(Scenario scenario) {
        java.util.Objects.requireNonNull(scenario, "scenario");
        submit(locked(Lock.LOAD, () -> core.switches.load(scenario, null, "Loaded " + scenario.name() + ".")));
    }

    /**
     * Starts over on a scenario with given weights and iteration count (a file).
     *
     * @param state trainer state with the file's weights, from {@code Trainer.state()}
     */
    public void load(Scenario scenario, TrainerState state) {
        submit(locked(Lock.LOAD, () -> core.switches.load(scenario, state, "Loaded " + scenario.name() + ".")));
    }

    /**
     * Replaces the session by a saved one, every run included: replays each run from the record's initial state
     * through its edits (exact, training is seeded), checks the losses bit for bit, and shows the record's run and
     * iteration. If a replay differs, the saved weights are kept without a history and the message says so. A
     * record the engine refuses changes nothing and the message says why. Back brings the previous session back.
     *
     * @return a future completed with the message once the session is rebuilt, or completed exceptionally
     *         with the {@link IllegalArgumentException} that refused the record
     */
    public CompletableFuture<String> open(SessionRecord record) {
        java.util.Objects.requireNonNull(record, "record");
        return call(() -> {
            if (core.locks.contains(Lock.LOAD)) {
                throw new IllegalArgumentException(Lock.LOAD.refusal());
            }
            checks.cancel();
            boolean toCheck = core.switches.open(record);
            String said = core.messages.pending();
            if (toCheck) {
                long opened = core.replacements;
                checks.start(record, () -> core.replacements == opened, worker::submit, core.messages, said);
            }
            return said;
        });
    }

    /**
     * @return the check of the history last opened from stored states: completed with null when every iteration
     *         replays as saved, with what differs, or cancelled when another file was opened or the session closed
     *         first (the session says the outcome in a message too)
     */
    public CompletableFuture<String> historyCheck() {
        return checks.latest();
    }

    /** Opens a record of one run (older files). */
    public CompletableFuture<String> open(HistoryRecord record) {
        java.util.Objects.requireNonNull(record, "record");
        return open(SessionRecord.of(record));
    }

    /** Shows iteration {@code k} of the run on show exactly; stepping or training from there follows the run. */
    public void goTo(long k) {
        submit(locked(Lock.BACK, () -> core.navigation.goTo(k)));
    }

    /** Makes the iteration on show the end of a new run (the old run is kept); does not start training. */
    public void resumeFromHere() {
        submit(locked(Lock.BACK, core.navigation::resumeFromHere));
    }

    /** Shows run {@code number} (see {@link Snapshot#runs()}) where it was left. */
    public void showRun(int number) {
        submit(locked(Lock.BACK, () -> core.navigation.showRun(number)));
    }

    /**
     * Starts a variant: a new run that holds the run on show up to iteration {@code from} bit for bit and trains on
     * from there with {@code changes} applied to the settings it had there (same data order unless the seed is
     * changed). Shows it, paused. Refused, with a message naming the value and what is allowed, if {@code from} is
     * outside the run, nothing differs or no more runs can be kept; the session is then as it was.
     */
    public void startVariant(long from, java.util.List<Setting.Change> changes) {
        startVariant(from, changes, null);
    }

    /**
     * Starts a variant as {@link #startVariant(long, java.util.List)} does whose hidden layers compute {@code hidden}
     * from the fork on, with the same weights (see {@link HiddenActivation}); null keeps the activations of the run
     * on show. A lesson that locks the architecture refuses another activation.
     */
    public void startVariant(long from, java.util.List<Setting.Change> changes, org.backproplab.engine.Activation hidden) {
        java.util.List<Setting.Change> copy = java.util.List.copyOf(changes);
        Runnable start = locked(Lock.TRAINING, () -> core.variants.start(from, copy, hidden));
        submit(hidden == null ? start : locked(Lock.ARCHITECTURE, start));
    }

    /**
     * Train all to: trains every run that ends before iteration {@code k} up to it, one after another at the set
     * speed, each shown while it trains, then shows the run on show now again. Pause or Run ends it.
     */
    public void trainAllTo(long k) {
        submit(locked(Lock.RUN, () -> core.catchUp.start(k)));
    }

    /** Forgets run {@code number}; the run on show cannot be deleted. */
    public void deleteRun(int number) {
        submit(locked(Lock.BACK, () -> core.navigation.deleteRun(number)));
    }

    /** Shows the last iteration before the loss left its normal range (after divergence); nothing is dropped. */
    public void backToFinite() {
        submit(locked(Lock.BACK, core.navigation::backToFinite));
    }

    // ---- Queries (copies made on the worker) ---------------------------------------------------------

    /** @return a future completed, on the worker, with a fresh snapshot once every earlier command has run */
    public CompletableFuture<Snapshot> sync() {
        return call(this::publish);
    }

    /** @return every run of the session, to save, and the change counter it was taken at */
    public CompletableFuture<Recorded> record() {
        return call(() -> new Recorded(HistoryFiles.export(core), core.changes));
    }

    /** Every run of a session and the change counter ({@link Snapshot#changes()}) it was taken at. */
    public record Recorded(SessionRecord record, long changes) {
    }

    /** @return the loss history of the run on show, every iteration, for exports */
    public CompletableFuture<LossHistory> lossHistory() {
        return call(() -> {
            LossSeries t = core.history.testLosses();
            return new LossHistory(core.history.base(), core.history.lossValues(), t == null ? null : t.toArray(),
                    core.history.penaltyValues());
        });
    }

    /**
     * @return the run on show from its start to the iteration on show, to replay off the worker (the path training
     *         took, for the loss landscape); replaying it does not touch the session
     */
    public CompletableFuture<RunReplay> replay() {
        return call(() -> core.history.replay(core.trainer.state()));
    }

    /** @return the gradient check of the weights on show, with the snapshot it was made on */
    public CompletableFuture<Checked> gradientCheck() {
        return gradientCheck(org.backproplab.engine.Progress.NONE);
    }

    /**
     * The gradient check of the weights on show, on the worker: every other command waits for it, so
     * {@code progress} can stop it between two evaluations of the loss (a cancel from any thread). A cancelled
     * check changes nothing; the status message says how far it got.
     *
     * @return a future completed with the check and the snapshot it was made on, or exceptionally with a
     *         {@link java.util.concurrent.CancellationException} if {@code progress} stopped it
     */
    public CompletableFuture<Checked> gradientCheck(org.backproplab.engine.Progress progress) {
        java.util.Objects.requireNonNull(progress, "progress");
        return call(() -> {
            try {
                return new Checked(publish(), org.backproplab.engine.GradientCheck.run(copyOfTrainer(), progress));
            } catch (java.util.concurrent.CancellationException e) {
                throw new java.util.concurrent.CancellationException("The " + e.getMessage()
                        + "; the session is as it was.");
            }
        });
    }

    /** A gradient check and the snapshot it was made on. */
    public record Checked(Snapshot snapshot, org.backproplab.engine.GradientCheck.Result result) {
    }

    /**
     * Where the iteration on show was trained from, for File → Export as code: the state right after the last
     * change made by hand up to it (weights, data, settings), or the run's first state when there was none.
     * Training on from {@code start} for {@code shownIteration − start.iteration()} iterations gives the weights
     * on show. Changes nothing.
     */
    public CompletableFuture<RunStart> runStart() {
        return call(() -> new RunStart(core.currentScenario().name(), core.history.startOf(core.trainer.iteration()),
                core.trainer.iteration(), core.currentScenario().iterations()));
    }

    /**
     * @param scenarioName       the scenario's name
     * @param start              where training to the iteration on show started from
     * @param shownIteration     the iteration on show
     * @param scenarioIterations how long the scenario trains by default
     */
    public record RunStart(String scenarioName, TrainerState start, long shownIteration, long scenarioIterations) {
        /** @return the iterations from {@code start} to the one on show, or the scenario's own if that is none */
        public long iterations() {
            long done = shownIteration - start.iteration();
            return done > 0 ? done : scenarioIterations;
        }
    }

    /**
     * @return a new trainer at the start of iteration {@code k + 1} of the run on show exactly as the history has
     *         it, and the scenario; changing it does not change the session
     */
    public CompletableFuture<TrainerCopy> trainerAt(long k) {
        return call(() -> {
            Trainer t = core.currentScenario().createTrainer();
            core.history.restore(t, k);
            return new TrainerCopy(core.currentScenario().name(), t, core.trainer.iteration(), core.trainer.phaseIndex(),
                    core.history.base());
        });
    }

    /**
     * A copy of a trainer and where the session stood when it was made.
     *
     * @param shownIteration the iteration on show, {@code shownPhase} its phases done, {@code historyStart} the
     *                       first iteration of the run
     */
    public record TrainerCopy(String scenarioName, Trainer trainer, long shownIteration, int shownPhase, long historyStart) {
    }

    private Trainer copyOfTrainer() {
        Trainer t = core.currentScenario().createTrainer();
        t.restore(core.trainer.state());
        for (int i = 0; i < core.trainer.phaseIndex(); i++) {
            t.stepPhase();
        }
        return t;
    }

    @Override
    public void close() {
        checks.close();
        worker.close();
    }

    // ---- worker --------------------------------------------------------------------------------------

    /**
     * Runs {@code job} on the worker after the commands before it and completes the future with its value, or
     * exceptionally with what it threw (package-private for tests).
     */
    <T> CompletableFuture<T> call(java.util.function.Supplier<T> job) {
        return worker.call(job);
    }

    /** Queues {@code command} for the worker (package-private for tests that inject a failing command). */
    void submit(Runnable command) {
        worker.submit(command);
    }

    private Snapshot publish() {
        return worker.publish();
    }

    /** @return the worker's state, for tests that inject commands (use only from a command) */
    SessionCore core() {
        return core;
    }

    /** @return {@code v} as every number people read is written (see {@link org.backproplab.text.NumberText}) */
    static String fmt(double v) {
        return org.backproplab.text.NumberText.format(v);
    }

}
