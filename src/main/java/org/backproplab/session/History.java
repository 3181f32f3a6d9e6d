package org.backproplab.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;

/**
 * Training as a history you can move through, in bounded memory: a checkpoint every {@code K} iterations
 * (K doubles whenever more than {@value #MAX_CHECKPOINTS} would be kept) plus one record per edit, and
 * deterministic replay between them. Training is seeded, so replaying from a checkpoint reproduces the
 * later iterations bit for bit; replay never crosses an edit because the state right after every edit is
 * kept. Owned by the worker thread.
 */
final class History {
    static final int MAX_CHECKPOINTS = 1024;
    static final int FIRST_INTERVAL = 256;
    /**
     * The most iterations one history holds (2^23, about 8.4 million): 64 MB of training losses, twice that with
     * a test split, so the whole app stays inside a 256 MB heap. Training pauses when it is reached. The cap counts
     * values ({@link #stored()}): a run trained with L1 or L2 also stores a penalty per iteration, so it holds half
     * as many iterations.
     */
    static final long MAX_LENGTH = 1L << 23;

    /** A change made by hand at an iteration boundary: the states just before and just after it. */
    record Edit(long iteration, TrainerState before, TrainerState after, String text) {
    }

    private final TreeMap<Long, TrainerState> checkpoints = new TreeMap<>();
    private final List<Edit> edits = new ArrayList<>();
    private final LossSeries losses = new LossSeries();
    private final LossSeries testLosses = new LossSeries();
    /**
     * The penalty {@code Ω(W)} of the weights of each iteration whose loss was measured with a regularization on
     * ({@code L = L_data + Ω}); NaN elsewhere (no penalty, not measured, or not known: a file that did not store it).
     * Allocates nothing while no penalty was ever recorded.
     */
    private final LossSeries penalties = new LossSeries();
    private boolean tested;
    private boolean penalized;
    private long interval = FIRST_INTERVAL;
    /** The training and test loss at {@link #length()} (the weights after the last update), once measured. */
    private double endLoss = Double.NaN;
    private double endTestLoss = Double.NaN;
    /** The penalty of the weights at {@link #length()}, NaN if not measured or without regularization. */
    private double endPenalty = Double.NaN;
    /** Counts the changes to the iterations and edits held (see {@link #version()}). */
    private long version;

    /** Starts over from {@code initial} (iteration 0 or the iteration a file recorded). */
    void reset(TrainerState initial) {
        version++;
        checkpoints.clear();
        edits.clear();
        losses.clear();
        testLosses.clear();
        penalties.clear();
        tested = false;
        penalized = false;
        interval = FIRST_INTERVAL;
        endLoss = Double.NaN;
        endTestLoss = Double.NaN;
        endPenalty = Double.NaN;
        checkpoints.put(initial.iteration(), initial);
    }

    /**
     * @return a new history holding this one up to iteration {@code k} (its checkpoints, the edits made up to and
     *         at {@code k}, the losses of iterations {@code base..k-1}) that can go on differently from there; this one
     *         is not changed. Checkpoints are immutable and shared; the losses are copied.
     * @throws IllegalArgumentException if {@code k} is outside the history
     */
    History copyUpTo(long k) {
        if (k < base() || k > length()) {
            throw new IllegalArgumentException("iteration " + k + " is not in the history: expected "
                    + base() + ".." + length());
        }
        History c = new History();
        c.checkpoints.putAll(checkpoints.headMap(k, true));
        for (Edit e : edits) {
            if (e.iteration() <= k) {
                c.edits.add(e);
            }
        }
        int n = (int) (k - base());
        losses.copyInto(c.losses, n, k);
        testLosses.copyInto(c.testLosses, n, k);
        penalties.copyInto(c.penalties, n, k);
        c.tested = tested;
        c.penalized = penalized;
        c.interval = interval;
        c.endLoss = k < length() ? losses.get(n) : endLoss;
        c.endTestLoss = k < length() ? testLosses.get(n) : endTestLoss;
        c.endPenalty = k < length() ? penalties.get(n) : endPenalty;
        return c;
    }

    /**
     * @param current the trainer's state at the iteration on show
     * @return every state this history keeps, for a file that reopens without replaying
     */
    HistoryRecord.Stored stored(TrainerState current) {
        List<TrainerState> before = new ArrayList<>();
        List<TrainerState> after = new ArrayList<>();
        for (Edit e : edits) {
            before.add(e.before());
            after.add(e.after());
        }
        return new HistoryRecord.Stored(new ArrayList<>(checkpoints.values()), before, after, current, interval, endLoss,
                endTestLoss, endPenalty);
    }

    /**
     * A history put back together from the states a file stored, with no replay: its checkpoints, its edits (the
     * states on both sides and their texts) and its losses.
     *
     * @param losses     training losses from the first checkpoint on; NaN where the whole set was not evaluated
     * @param testLosses as many test losses, or null if no rows were ever held out
     * @param penalties  as many penalties {@code Ω(W)} (NaN where none was recorded), or null if none was (a file
     *                   older than version 6 stores none: the split of the loss then starts where training goes on)
     */
    static History rebuilt(HistoryRecord.Stored s, List<String> editTexts, double[] losses, double[] testLosses,
                           double[] penalties) {
        History h = new History();
        for (TrainerState c : s.checkpoints()) {
            h.checkpoints.put(c.iteration(), c);
        }
        for (int i = 0; i < editTexts.size(); i++) {
            h.edits.add(new Edit(s.editsAfter().get(i).iteration(), s.editsBefore().get(i), s.editsAfter().get(i),
                    editTexts.get(i)));
        }
        for (int i = 0; i < losses.length; i++) {
            add(h.losses, losses[i]);
            add(h.testLosses, testLosses == null ? Double.NaN : testLosses[i]);
            h.penalties.add(penalties == null ? Double.NaN : penalties[i]);
        }
        for (Edit e : h.edits) {
            h.losses.mark(e.iteration(), e.text());
        }
        h.tested = testLosses != null;
        h.penalized = penalties != null;
        h.interval = s.interval();
        h.endLoss = s.endLoss();
        h.endTestLoss = s.endTestLoss();
        h.endPenalty = s.endPenalty();
        return h;
    }

    private static void add(LossSeries series, double v) {
        if (Double.isNaN(v)) {
            series.skip();
        } else {
            series.addEvaluated(v);
        }
    }

    /**
     * Remembers the training and test loss of the weights at {@link #length()} (the curve's last point), and their
     * penalty {@code Ω(W)} (NaN without regularization).
     */
    void setEndLoss(double loss, double testLoss, double penalty) {
        endLoss = loss;
        endTestLoss = testLoss;
        endPenalty = penalty;
    }

    /** @return the training loss of the weights at {@link #length()}, or NaN if not measured yet */
    double endLoss() {
        return endLoss;
    }

    /** @return the test loss of the weights at {@link #length()}, or NaN */
    double endTestLoss() {
        return endTestLoss;
    }

    /** @return the penalty {@code Ω(W)} of the weights at {@link #length()}, or NaN */
    double endPenalty() {
        return endPenalty;
    }

    /**
     * @return a number that changes whenever an iteration or an edit is recorded or an edit is dropped: what was
     *         measured of this history at one version holds until it changes
     */
    long version() {
        return version;
    }

    /** @return the loss stored for iteration {@code k} (base..length-1): NaN where the whole set was not evaluated */
    double lossAt(long k) {
        return losses.get((int) (k - base()));
    }

    /**
     * @return the values stored, for the memory cap: a training loss per iteration, and a penalty per iteration once a
     *         penalty was recorded (8 bytes each; the penalties of a run without L1 or L2 take no memory)
     */
    long stored() {
        return losses.size() + (penalized ? penalties.size() : 0);
    }

    /** @return the values a copy of this history up to iteration {@code k} stores (see {@link #stored()}) */
    long storedUpTo(long k) {
        long n = k - base();
        return penalized ? 2 * n : n;
    }

    /** @return the values each further iteration at the end stores: 2 while training goes on with a penalty, else 1 */
    int valuesPerIteration() {
        return penalized || !configAtEnd().regularization().isOff() ? 2 : 1;
    }

    LossSeries losses() {
        return losses;
    }

    /** @return the test losses, or null if no iteration had a test set */
    LossSeries testLosses() {
        return tested ? testLosses : null;
    }

    /**
     * @return the penalties {@code Ω(W)} (NaN where none was recorded), or null if no iteration recorded one and the
     *         weights at the end have none either (a penalty switched on before the first update shows at once)
     */
    LossSeries penalties() {
        return penalized || !Double.isNaN(endPenalty) ? penalties : null;
    }

    /** @return the number of iterations recorded (may exceed the trainer's after a jump back) */
    long length() {
        return base() + losses.size();
    }

    /** @return true if no further iteration fits ({@link #MAX_LENGTH}) */
    boolean full() {
        return losses.size() >= MAX_LENGTH;
    }

    /** @return the iteration the history starts at */
    long base() {
        return checkpoints.firstKey();
    }

    /**
     * Records that the trainer just finished an iteration; {@code loss} and {@code testLoss} are the training and
     * test loss of the weights before its update (the point at the iteration before), if {@code measured}: the
     * whole set is not evaluated after every update of a fast per-sample or mini-batch run. A NaN test loss means
     * there is no test set. {@code penalty} is the part {@code Ω(W)} of {@code loss}, NaN without regularization.
     */
    void recordIteration(Trainer trainer, double loss, double testLoss, double penalty, boolean measured) {
        version++;
        endLoss = Double.NaN; // the end moved: its loss is measured again (by the next snapshot, or on leaving it)
        endTestLoss = Double.NaN;
        endPenalty = Double.NaN;
        if (measured && !Double.isNaN(penalty)) {
            penalties.add(penalty);
            penalized = true;
        } else {
            penalties.skip();
        }
        if (measured) {
            losses.addEvaluated(loss);
        } else {
            losses.skip();
        }
        if (measured && !Double.isNaN(testLoss)) {
            testLosses.addEvaluated(testLoss);
            tested = true;
        } else {
            testLosses.skip();
        }
        long k = trainer.iteration();
        if (k % interval == 0) {
            checkpoints.put(k, trainer.state());
            if (checkpoints.size() > MAX_CHECKPOINTS) {
                thin();
            }
        }
    }

    private void thin() {
        interval *= 2;
        long first = base();
        for (Iterator<Map.Entry<Long, TrainerState>> it = checkpoints.entrySet().iterator(); it.hasNext(); ) {
            long k = it.next().getKey();
            if (k != first && k % interval != 0) {
                it.remove();
            }
        }
    }

    /** Records an edit: {@code before} is the state just before it, the trainer holds the state after. */
    void recordEdit(TrainerState before, Trainer trainer, String text) {
        version++;
        edits.add(new Edit(trainer.iteration(), before, trainer.state(), text));
        losses.mark(trainer.iteration(), text);
    }

    /** @return the last edit if it was made at {@code iteration} (and so is the latest thing that happened) */
    Edit lastEditAt(long iteration) {
        if (edits.isEmpty()) {
            return null;
        }
        Edit e = edits.get(edits.size() - 1);
        return e.iteration() == iteration ? e : null;
    }

    /** @return the last edit made at {@code iteration}, wherever it is in the history, or null */
    Edit lastEditMadeAt(long iteration) {
        for (int i = edits.size() - 1; i >= 0; i--) {
            if (edits.get(i).iteration() == iteration) {
                return edits.get(i);
            }
            if (edits.get(i).iteration() < iteration) {
                return null;
            }
        }
        return null;
    }

    /** Forgets the last edit (after the trainer has been restored to its {@code before} state). */
    void dropLastEdit() {
        version++;
        edits.remove(edits.size() - 1);
        losses.removeLastMarker();
    }

    /**
     * Puts the trainer at iteration {@code k} exactly as training had it (after any edits made there),
     * replaying from the nearest earlier checkpoint.
     *
     * @throws IllegalArgumentException if {@code k} is outside the history
     */
    void restore(Trainer trainer, long k) {
        if (k < base() || k > length()) {
            throw new IllegalArgumentException("iteration " + k + " is not in the history: expected "
                    + base() + ".." + length());
        }
        TrainerState start = keptStateAt(checkpoints, edits, k);
        trainer.restore(start);
        trainer.train(k - start.iteration());
    }

    /**
     * @return the latest state kept at or before {@code k} (within the history): the checkpoint, or the state after the
     *         last edit made there if that is later; replaying from it reaches {@code k} as training did
     */
    static TrainerState keptStateAt(java.util.NavigableMap<Long, TrainerState> checkpoints, List<Edit> edits, long k) {
        TrainerState start = checkpoints.floorEntry(k).getValue();
        for (int i = edits.size() - 1; i >= 0; i--) {
            Edit e = edits.get(i);
            if (e.iteration() <= k) {
                if (e.iteration() >= start.iteration()) {
                    start = e.after();
                }
                break;
            }
        }
        return start;
    }

    /**
     * @param current the trainer's state at the iteration on show
     * @return the run from its start to there, to replay on another thread (the kept states are shared: immutable)
     */
    RunReplay replay(TrainerState current) {
        long k = current.iteration();
        List<Edit> upTo = new ArrayList<>();
        for (Edit e : edits) {
            if (e.iteration() <= k) {
                upTo.add(e);
            }
        }
        return new RunReplay(checkpoints.headMap(k, true), upTo, current);
    }

    /**
     * @return the state training to iteration {@code k} last started from: the state right after the last edit made
     *         up to and at {@code k}, or the state the history starts from; training on from it without a change
     *         reaches {@code k}
     */
    TrainerState startOf(long k) {
        for (int i = edits.size() - 1; i >= 0; i--) {
            if (edits.get(i).iteration() <= k) {
                return edits.get(i).after();
            }
        }
        return first();
    }

    /**
     * @return the configuration training goes on with at the end of this history: that of the last edit, else the
     *         start's (only an edit changes it)
     */
    org.backproplab.engine.TrainingConfig configAtEnd() {
        return edits.isEmpty() ? first().config() : edits.get(edits.size() - 1).after().config();
    }

    /**
     * @return the layers training goes on with at the end of this history, their activations included: those of the
     *         last edit, else the start's (only an edit, a variant's, changes the activations)
     */
    java.util.List<org.backproplab.engine.LayerSpec> layersAtEnd() {
        return (edits.isEmpty() ? first() : edits.get(edits.size() - 1).after()).specs();
    }

    /** @return the state the history starts from */
    TrainerState first() {
        return checkpoints.firstEntry().getValue();
    }

    /** @return how many edits were made up to and at iteration {@code k} */
    int editsUpTo(long k) {
        int n = 0;
        for (Edit e : edits) {
            n += e.iteration() <= k ? 1 : 0;
        }
        return n;
    }

    /** @return the edits kept, in the order they were made */
    List<Edit> edits() {
        return List.copyOf(edits);
    }

    /** @return the loss entries, for files */
    double[] lossValues() {
        return losses.toArray();
    }

    /** @return the penalty entries, for files, or null if no iteration recorded one */
    double[] penaltyValues() {
        return penalized ? penalties.toArray() : null;
    }
}
