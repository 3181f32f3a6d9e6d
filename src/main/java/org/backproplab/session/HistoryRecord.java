package org.backproplab.session;

import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.TrainerState;
import org.backproplab.engine.TrainingConfig;

/**
 * A whole session history in a form that can be saved and rebuilt: the state the history starts from, every
 * edit made by hand (with the state right after it), where it ends, and the loss of every iteration. Training
 * is seeded, so {@link TrainingSession#open(HistoryRecord)} rebuilds it exactly by replaying from
 * {@code initial} through the edits to {@code end}, then checks the replayed losses against {@code losses}
 * bit for bit. Immutable: the arrays are copied in and out.
 *
 * @param scenario     the scenario as it is now (current data set and configuration; name, layers); a state before
 *                     a variant's change of activation has other hidden activations than these layers
 * @param start        the iteration the history starts at
 * @param initial      the trainer state at {@code start}
 * @param edits        the edits, in the order they were made (iterations never decrease)
 * @param end          the last iteration of the history
 * @param iteration    the iteration shown ({@code start..end}; before {@code end} after a jump back)
 * @param current      the state at {@code iteration} (to check the replay against)
 * @param losses       {@code end - start} training losses: entry {@code i} is the loss before update
 *                     {@code start + i + 1}; may hold NaN or infinities after a divergence
 * @param testLosses   as many test losses (NaN before a split), or null if no rows were ever held out
 * @param testFraction the share of samples held out as the test set when the data set is replaced
 * @param stored       every trainer state the history keeps (its checkpoints, both sides of each edit, the state
 *                     shown), so that opening needs no replay; or null (older files): then it is rebuilt by replay
 * @param penalties    as many penalties {@code Ω(W)}, the part of each loss the regularization adds
 *                     ({@code L = L_data + Ω}; NaN where the loss was not measured or had no penalty), or null if
 *                     none was recorded (no regularization, or a file older than version 6)
 */
public record HistoryRecord(Scenario scenario, long start, State initial, List<Edit> edits, long end, long iteration,
                            State current, double[] losses, double[] testLosses, double testFraction, Stored stored,
                            double[] penalties) {

    /**
     * The exact trainer states a history keeps, momentum and epoch count included: restoring any of them and
     * training on reproduces what followed it. Data set and settings of each are those of {@link State}s above.
     *
     * @param checkpoints  the states at the history's checkpoints, ascending, the first at {@code start}
     * @param editsBefore  for each edit, the state just before it
     * @param editsAfter   for each edit, the state just after it
     * @param current      the state at {@code iteration}
     * @param interval     the checkpoint spacing the history had reached (a power of two), so it goes on alike
     * @param endLoss      the training loss of the weights at {@code end} (the curve's last point), NaN if not measured
     * @param endTestLoss  their test loss, NaN if none
     * @param endPenalty   their penalty {@code Ω(W)}, NaN if not measured or without regularization
     */
    public record Stored(List<TrainerState> checkpoints, List<TrainerState> editsBefore, List<TrainerState> editsAfter,
                         TrainerState current, long interval, double endLoss, double endTestLoss, double endPenalty) {
        /** The largest gap between two stored states a file may leave: opening replays at most this many iterations. */
        public static final long MAX_GAP = History.MAX_LENGTH / History.MAX_CHECKPOINTS * 2;
        /** The smallest checkpoint spacing. */
        public static final long MIN_INTERVAL = History.FIRST_INTERVAL;

        public Stored {
            checkpoints = List.copyOf(checkpoints);
            editsBefore = List.copyOf(editsBefore);
            editsAfter = List.copyOf(editsAfter);
            java.util.Objects.requireNonNull(current, "current");
            if (editsBefore.size() != editsAfter.size()) {
                throw new IllegalArgumentException(editsBefore.size() + " states before edits but " + editsAfter.size()
                        + " after");
            }
            if (interval < History.FIRST_INTERVAL || Long.bitCount(interval) != 1 || interval > MAX_GAP) {
                throw new IllegalArgumentException("checkpoint spacing " + interval + " is not allowed: expected a power of "
                        + "two from " + History.FIRST_INTERVAL + " to " + MAX_GAP);
            }
        }

        /** Stored states without the penalty at the end (a file older than version 6). */
        public Stored(List<TrainerState> checkpoints, List<TrainerState> editsBefore, List<TrainerState> editsAfter,
                      TrainerState current, long interval, double endLoss, double endTestLoss) {
            this(checkpoints, editsBefore, editsAfter, current, interval, endLoss, endTestLoss, Double.NaN);
        }
    }

    /** A record without penalties (none recorded). */
    public HistoryRecord(Scenario scenario, long start, State initial, List<Edit> edits, long end, long iteration,
                         State current, double[] losses, double[] testLosses, double testFraction, Stored stored) {
        this(scenario, start, initial, edits, end, iteration, current, losses, testLosses, testFraction, stored, null);
    }

    /** A record without stored states (rebuilt by replay). */
    public HistoryRecord(Scenario scenario, long start, State initial, List<Edit> edits, long end, long iteration,
                         State current, double[] losses, double[] testLosses, double testFraction) {
        this(scenario, start, initial, edits, end, iteration, current, losses, testLosses, testFraction, null, null);
    }

    /**
     * The trainer's state at an iteration boundary.
     *
     * @param network  the weights and biases (copied in and out)
     * @param dataset  the samples (inputs, targets, labels)
     * @param config   how training goes on
     * @param testRows the rows held out as the test set, ascending
     */
    public record State(Network network, Dataset dataset, TrainingConfig config, int[] testRows) {
        public State {
            network = network.copy();
            testRows = testRows.clone();
        }

        @Override
        public Network network() {
            return network.copy();
        }

        @Override
        public int[] testRows() {
            return testRows.clone();
        }
    }

    /**
     * An edit made by hand.
     *
     * @param iteration the iteration boundary it was made at
     * @param text      what was changed, as the chart marker says it (e.g. {@code W1[0][2] = 0.5})
     * @param after     the state right after it
     */
    public record Edit(long iteration, String text, State after) {
    }

    /**
     * @throws IllegalArgumentException naming the value if the iterations are out of order, the loss arrays
     *                                  have the wrong length or a state has another shape than the scenario (other
     *                                  than in the activation of hidden layers)
     */
    public HistoryRecord {
        if (start < 0 || end < start || iteration < start || iteration > end) {
            throw new IllegalArgumentException("the history runs from iteration " + start + " to " + end
                    + " and shows " + iteration + ": expected 0 <= start <= iteration <= end");
        }
        if (losses.length != end - start) {
            throw new IllegalArgumentException("the history has " + losses.length + " losses: expected "
                    + (end - start) + ", one per iteration from " + start + " to " + end);
        }
        if (testLosses != null && testLosses.length != losses.length) {
            throw new IllegalArgumentException("the history has " + testLosses.length + " test losses: expected "
                    + losses.length);
        }
        if (penalties != null && penalties.length != losses.length) {
            throw new IllegalArgumentException("the history has " + penalties.length + " penalties: expected "
                    + losses.length);
        }
        if (!(testFraction >= 0 && testFraction <= 0.9)) {
            throw new IllegalArgumentException("test share " + testFraction + " is not allowed: expected 0 to 0.9");
        }
        edits = List.copyOf(edits);
        long last = start;
        for (int i = 0; i < edits.size(); i++) {
            long k = edits.get(i).iteration();
            if (k < last || k > end) {
                throw new IllegalArgumentException("edit " + i + " is at iteration " + k + ": expected " + last
                        + ".." + end + " (edits in order, within the history)");
            }
            last = k;
            checkShape(scenario, edits.get(i).after(), "edit " + i);
        }
        checkShape(scenario, initial, "the initial state");
        checkShape(scenario, current, "the current state");
        losses = losses.clone();
        testLosses = testLosses == null ? null : testLosses.clone();
        penalties = penalties == null ? null : penalties.clone();
        if (stored != null) {
            checkStored(stored, start, edits, end, iteration);
        }
    }

    /** The stored states must sit where the history says, with no gap longer than {@link Stored#MAX_GAP}. */
    private static void checkStored(Stored s, long start, List<Edit> edits, long end, long iteration) {
        if (s.editsAfter().size() != edits.size()) {
            throw new IllegalArgumentException(s.editsAfter().size() + " stored edit states for " + edits.size() + " edits");
        }
        if (s.checkpoints().isEmpty() || s.checkpoints().get(0).iteration() != start) {
            throw new IllegalArgumentException("the first checkpoint must be at iteration " + start + ", the start");
        }
        java.util.TreeSet<Long> points = new java.util.TreeSet<>();
        long last = -1;
        for (TrainerState c : s.checkpoints()) {
            if (c.iteration() <= last || c.iteration() > end) {
                throw new IllegalArgumentException("checkpoint at iteration " + c.iteration() + ": expected ascending, "
                        + start + ".." + end);
            }
            last = c.iteration();
            points.add(last);
        }
        for (int i = 0; i < edits.size(); i++) {
            long k = edits.get(i).iteration();
            if (s.editsBefore().get(i).iteration() != k || s.editsAfter().get(i).iteration() != k) {
                throw new IllegalArgumentException("the states of edit " + i + " are not at its iteration " + k);
            }
            points.add(k);
        }
        if (s.current().iteration() != iteration) {
            throw new IllegalArgumentException("the stored current state is at iteration " + s.current().iteration()
                    + ": expected " + iteration);
        }
        points.add(end);
        long previous = start;
        for (long p : points) {
            if (p - previous > Stored.MAX_GAP) {
                throw new IllegalArgumentException("no stored state between iterations " + previous + " and " + p
                        + ": at most " + Stored.MAX_GAP + " iterations may lie between two");
            }
            previous = p;
        }
    }

    private static void checkShape(Scenario s, State st, String what) {
        Network n = st.network();
        if (!org.backproplab.engine.LayerSpec.sameButHidden(n.specs(), s.layers()) || n.inputSize() != s.dataset().inputSize()) {
            throw new IllegalArgumentException(what + " has a network " + n.specs() + " but the scenario has "
                    + s.layers());
        }
        if (st.dataset().inputSize() != s.dataset().inputSize() || st.dataset().targetSize() != s.dataset().targetSize()) {
            throw new IllegalArgumentException(what + " has a data set of " + st.dataset().inputSize() + " inputs and "
                    + st.dataset().targetSize() + " targets: expected " + s.dataset().inputSize() + " and "
                    + s.dataset().targetSize());
        }
    }

    /** @return a history of just one state: nothing before it (a version 1 file) */
    public static HistoryRecord of(Scenario scenario, Network network, long iteration) {
        State st = new State(network, scenario.dataset(), scenario.config(), scenario.testRows());
        return new HistoryRecord(scenario, iteration, st, List.of(), iteration, iteration, st, new double[0], null, 0);
    }

    /**
     * @return a history of just one state that keeps everything the trainer remembers there (the optimiser's memory,
     *         the epoch count), so that a file written from it goes on training exactly as {@code state} would
     * @throws IllegalArgumentException if the state has another shape than the scenario
     */
    public static HistoryRecord of(Scenario scenario, TrainerState state) {
        HistoryRecord one = of(scenario, state.network(), state.iteration());
        Stored kept = new Stored(List.of(state), List.of(), List.of(), state, Stored.MIN_INTERVAL, Double.NaN, Double.NaN);
        return new HistoryRecord(scenario, one.start, one.initial, one.edits, one.end, one.iteration, one.current,
                one.losses, null, 0, kept);
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public double[] testLosses() {
        return testLosses == null ? null : testLosses.clone();
    }

    /** @return the penalties {@code Ω(W)} (a copy), or null if none was recorded */
    @Override
    public double[] penalties() {
        return penalties == null ? null : penalties.clone();
    }

    /** @return this record without its stored trainer states: opening it replays the history (older files) */
    public HistoryRecord withoutStoredStates() {
        return new HistoryRecord(scenario, start, initial, edits, end, iteration, current, losses, testLosses,
                testFraction, null, penalties);
    }

    /** @return true if the record holds iterations or edits, not just one state */
    public boolean hasHistory() {
        return end > start || !edits.isEmpty();
    }
}
