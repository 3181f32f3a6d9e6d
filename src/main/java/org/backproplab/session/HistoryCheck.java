package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.backproplab.engine.Progress;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;

/**
 * Checks a saved history that was opened from its stored trainer states, without the session: each stretch
 * between two stored states is replayed on a trainer of its own, from the state a jump would start from, and
 * must give the saved losses bit for bit (where the whole set was evaluated) and, at its end, the next stored
 * state's weights and momentum. It reads only the immutable {@link SessionRecord}, so it runs on any thread.
 */
final class HistoryCheck {
    /**
     * The most work the background check replays, in multiply-adds (see {@link #work}): a few minutes of one core.
     * A longer history has only the weights on show checked, and the message says so.
     */
    static final double MAX_WORK = 4e11;

    private final SessionRecord record;
    private boolean whole;
    private boolean shownChecked;
    private final Progress progress;
    private long total;
    private long done;

    /**
     * @param progress told the iterations replayed after each stretch; asked every 256 iterations whether to stop
     *                 (then the check ends with a {@link CancellationException})
     */
    HistoryCheck(SessionRecord record, Progress progress) {
        this.record = record;
        this.progress = progress;
    }

    /**
     * @return null if every run replays as saved, else what differs first (run, iteration, the two values)
     * @throws CancellationException if cancelled
     */
    String run() {
        for (SessionRecord.Run r : record.runs()) {
            total += r.history().end() - r.history().start();
        }
        HistoryRecord h = record.shown();
        TrainerState from = startOf(h);
        shownChecked = work(h, h.current(), from.iteration(), h.iteration(), h.losses()) <= MAX_WORK;
        String problem = shownChecked ? shown(h, from) : null;
        whole = work(record) <= MAX_WORK;
        for (int i = 0; whole && problem == null && i < record.runs().size(); i++) {
            problem = run(record.runs().get(i).history());
            if (problem != null && record.runs().size() > 1) {
                problem = "run " + record.runs().get(i).number() + ", " + problem;
            }
        }
        return problem;
    }

    /** @return true if {@link #run} checked every run, false if it was too long (see {@link #MAX_WORK}) */
    boolean checkedWhole() {
        return whole;
    }

    /** @return true if {@link #run} checked the weights on show (false if even that was too long) */
    boolean checkedShown() {
        return shownChecked;
    }

    /**
     * @return the multiply-adds that replaying every run of {@code r} costs: parameters × rows, for each batch and
     *         for each evaluation of the whole set (where the record has a loss)
     */
    static double work(SessionRecord r) {
        double work = 0;
        for (SessionRecord.Run run : r.runs()) {
            HistoryRecord h = run.history();
            double[] losses = h.losses();
            HistoryRecord.State st = h.initial();
            long from = h.start();
            for (HistoryRecord.Edit e : h.edits()) {
                work += work(h, st, from, e.iteration(), losses);
                st = e.after();
                from = e.iteration();
            }
            work += work(h, st, from, h.end(), losses);
        }
        return work;
    }

    /** The work of iterations {@code from..to-1}, trained with the data set and settings of {@code st}. */
    private static double work(HistoryRecord h, HistoryRecord.State st, long from, long to, double[] losses) {
        long params = st.network().parameterCount();
        int rows = st.dataset().size();
        int batch = st.config().batch().rows(rows - st.testRows().length);
        long measured = 0;
        for (long k = from; k < to; k++) {
            measured += Double.isNaN(losses[(int) (k - h.start())]) ? 0 : 1;
        }
        return (double) params * ((double) (to - from) * batch + (double) measured * rows);
    }

    /** @return the stored state a jump to the iteration on show starts from */
    private static TrainerState startOf(HistoryRecord h) {
        HistoryRecord.Stored s = h.stored();
        TrainerState from = s.checkpoints().get(0);
        for (TrainerState c : s.checkpoints()) {
            from = c.iteration() <= h.iteration() ? c : from;
        }
        for (TrainerState a : s.editsAfter()) {
            from = a.iteration() <= h.iteration() && a.iteration() >= from.iteration() ? a : from;
        }
        return from;
    }

    /**
     * First of all, the weights on show: replayed from the stored state a jump would start from (at most
     * {@link HistoryRecord.Stored#MAX_GAP} iterations), they must be the file's bit for bit.
     */
    private String shown(HistoryRecord h, TrainerState from) {
        Trainer t = h.scenario().createTrainer();
        t.restore(from);
        for (long k = from.iteration(); k < h.iteration(); k++) {
            if (((k - from.iteration()) & 255) == 0 && progress.isCancelled()) {
                throw new CancellationException("the check of the saved history was cancelled");
            }
            t.step();
        }
        return same(t.state(), h.stored().current()) ? null
                : "the weights on show at iteration " + h.iteration() + " do not follow from the saved state at iteration "
                + from.iteration() + " before them";
    }

    /** The stored states of one run, as {@link History#restore} starts from them, checked stretch by stretch. */
    private String run(HistoryRecord h) {
        HistoryRecord.Stored s = h.stored();
        TreeMap<Long, TrainerState> startsAt = new TreeMap<>();
        TreeMap<Long, TrainerState> arriveAt = new TreeMap<>();
        for (TrainerState c : s.checkpoints()) {
            startsAt.put(c.iteration(), c);
            arriveAt.put(c.iteration(), c);
        }
        for (int i = 0; i < s.editsAfter().size(); i++) {
            TrainerState before = s.editsBefore().get(i);
            TrainerState after = s.editsAfter().get(i);
            TrainerState previous = startsAt.get(before.iteration());
            if (previous != null && i > 0 && s.editsAfter().get(i - 1).iteration() == before.iteration()
                    && !same(previous, before)) {
                return "edit " + (i + 1) + " at iteration " + before.iteration()
                        + " does not start from where the edit before it left off";
            }
            arriveAt.putIfAbsent(before.iteration(), before);
            startsAt.put(after.iteration(), after);
        }
        double[] losses = h.losses();
        double[] testLosses = h.testLosses();
        double[] penalties = h.penalties();
        List<Long> points = new ArrayList<>(startsAt.keySet());
        Trainer t = h.scenario().createTrainer();
        for (int p = 0; p < points.size(); p++) {
            long from = points.get(p);
            Long next = p + 1 < points.size() ? points.get(p + 1) : null;
            long to = next == null ? h.end() : next;
            t.restore(startsAt.get(from));
            for (long k = from; k < to; k++) {
                if (((k - from) & 255) == 0 && progress.isCancelled()) {
                    throw new CancellationException("the check of the saved history was cancelled");
                }
                int i = (int) (k - h.start());
                String problem = iterate(t, k, losses[i], testLosses == null ? Double.NaN : testLosses[i],
                        penalties == null ? Double.NaN : penalties[i]);
                if (problem != null) {
                    return problem;
                }
            }
            if (next != null && !same(t.state(), arriveAt.get(next))) {
                return "the weights replayed to iteration " + next + " differ from the ones saved there";
            }
            done += to - from;
            progress.advanced(done, total);
        }
        return endLosses(t, h);
    }

    /** The losses saved for the weights at the end (the curve's last point), where they were measured. */
    private static String endLosses(Trainer atEnd, HistoryRecord h) {
        double saved = h.stored().endLoss();
        double savedTest = h.stored().endTestLoss();
        if (!Double.isNaN(saved) && Double.doubleToLongBits(atEnd.datasetLoss()) != Double.doubleToLongBits(saved)) {
            return "the replayed loss at iteration " + h.end() + " is " + atEnd.datasetLoss() + " but the file says " + saved;
        }
        if (!Double.isNaN(savedTest) && Double.doubleToLongBits(atEnd.testLoss()) != Double.doubleToLongBits(savedTest)) {
            return "the replayed test loss at iteration " + h.end() + " is " + atEnd.testLoss() + " but the file says "
                    + savedTest;
        }
        return null;
    }

    /**
     * One iteration as training recorded it: where the file has the whole set's loss, it is evaluated before the
     * update (a full batch's update gives it); the replayed value must equal the saved one bit for bit.
     */
    private static String iterate(Trainer t, long k, double saved, double savedTest, double savedPenalty) {
        boolean measured = t.config().batch().isFull() || !Double.isNaN(saved);
        double test = measured && t.hasTestRows() ? t.testLoss() : Double.NaN;
        double penalty = SessionCore.penalty(t);
        if (!Double.isNaN(savedPenalty) && Double.doubleToLongBits(penalty) != Double.doubleToLongBits(savedPenalty)) {
            return "the replayed penalty Ω of iteration " + k + " is " + penalty + " but the file says " + savedPenalty;
        }
        double loss = SessionCore.update(t, measured);
        if (!measured) {
            return null;
        }
        double stored = Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
        if (Double.doubleToLongBits(stored) != Double.doubleToLongBits(saved)) {
            return "the replayed loss of iteration " + k + " is " + stored + " but the file says " + saved;
        }
        if (!Double.isNaN(savedTest) && Double.doubleToLongBits(test) != Double.doubleToLongBits(savedTest)) {
            return "the replayed test loss of iteration " + k + " is " + test + " but the file says " + savedTest;
        }
        return null;
    }

    /** @return true if both states hold bit-identical weights, biases, optimiser memory (every buffer, Adam's t) and epoch count */
    private static boolean same(TrainerState a, TrainerState b) {
        if (!HistoryFiles.sameParameters(a.network(), b.network()) || a.epochMarkIteration() != b.epochMarkIteration()
                || Double.doubleToLongBits(a.epochsAtMark()) != Double.doubleToLongBits(b.epochsAtMark())) {
            return false;
        }
        return a.optimizerState().sameAs(b.optimizerState());
    }
}
