package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.backproplab.engine.Network;
import org.backproplab.engine.Progress;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;

/**
 * The run on show from its start to the iteration on show, taken from the worker so that it can be replayed on
 * another thread: the states the history keeps up to there (its checkpoints, the state after each edit) and the
 * state on show. Replaying is what {@link History#restore} does — the latest kept state at or before an
 * iteration, then training on — so the weights at every iteration are those training had, bit for bit; the last
 * are the weights on show. Owned by one thread once made.
 */
public final class RunReplay {
    private final TreeMap<Long, TrainerState> checkpoints;
    private final List<History.Edit> edits;
    private final TrainerState current;
    private Trainer trainer;
    /** The kept state {@link #trainer} was last restored from: training on from it is still right. */
    private TrainerState from;

    /**
     * @param checkpoints the history's checkpoints up to {@code current}'s iteration
     * @param edits       the edits made up to and at it, in order
     * @param current     the state on show
     */
    RunReplay(Map<Long, TrainerState> checkpoints, List<History.Edit> edits, TrainerState current) {
        this.checkpoints = new TreeMap<>(checkpoints);
        this.edits = List.copyOf(edits);
        this.current = current;
    }

    /** @return the first iteration of the run */
    public long start() {
        return checkpoints.firstKey();
    }

    /** @return the iteration on show, where the replay ends */
    public long end() {
        return current.iteration();
    }

    /** @return the state on show (its weights are those at {@link #end()}) */
    public TrainerState current() {
        return current;
    }

    /**
     * @return at most {@code max} iterations from {@link #start()} to {@link #end()}, both included, evenly spread
     *         and ascending: every iteration if there are no more than {@code max}
     * @throws IllegalArgumentException if {@code max < 2}
     */
    public long[] iterations(int max) {
        if (max < 2) {
            throw new IllegalArgumentException("a path of " + max + " points: expected at least 2");
        }
        long span = end() - start();
        if (span + 1 <= max) {
            long[] all = new long[(int) span + 1];
            for (int i = 0; i < all.length; i++) {
                all[i] = start() + i;
            }
            return all;
        }
        long[] ks = new long[max];
        for (int i = 0; i < max; i++) {
            ks[i] = start() + Math.round((double) span * i / (max - 1));
        }
        return ks;
    }

    /**
     * The weights training had at each of {@code iterations} (ascending, within {@link #start()} .. {@link #end()}).
     *
     * @return one network per iteration, in order
     * @throws CancellationException    if {@code progress} asks to stop (checked between iterations asked for)
     * @throws IllegalArgumentException naming the iteration if one is outside the run or they are not ascending
     */
    public List<Network> networksAt(long[] iterations, Progress progress) {
        long last = start();
        for (long k : iterations) {
            if (k < last || k > end()) {
                throw new IllegalArgumentException("iteration " + k + " is not in the replay or not ascending: expected "
                        + last + ".." + end());
            }
            last = k;
        }
        List<Network> out = new ArrayList<>(iterations.length);
        for (int i = 0; i < iterations.length; i++) {
            if (progress.isCancelled()) {
                throw new CancellationException("replay cancelled");
            }
            moveTo(iterations[i]);
            out.add(trainer.network().copy());
            progress.advanced(i + 1L, iterations.length);
        }
        return out;
    }

    /** Puts {@link #trainer} at iteration {@code k}: on from where it is if no kept state lies between, else restored. */
    private void moveTo(long k) {
        TrainerState start = History.keptStateAt(checkpoints, edits, k);
        if (trainer == null) {
            trainer = start.newTrainer();
            from = start;
        } else if (start != from || trainer.iteration() > k) {
            trainer.restore(start);
            from = start;
        }
        trainer.train(k - trainer.iteration());
    }
}
