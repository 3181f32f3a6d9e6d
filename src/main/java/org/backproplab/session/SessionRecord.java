package org.backproplab.session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backproplab.engine.LayerSpec;

/**
 * Every run of a session, to save and rebuild: each run is a whole {@link HistoryRecord} (from the session's start,
 * so each can be replayed on its own) with where it forked from.
 *
 * @param runs    the runs, oldest first; the first has no parent
 * @param current the index in {@code runs} of the run on show
 */
public record SessionRecord(List<Run> runs, int current) {
    /** The most runs a session keeps. */
    public static final int MAX_RUNS = Runs.MAX_RUNS;

    /**
     * One run.
     *
     * @param number   its number in the Runs list (1, 2 ...)
     * @param parent   the number of the run it forked from, or 0 (the first run, or one whose parent was deleted)
     * @param forkedAt the iteration it forked at (its start for the first run)
     * @param history  its whole history; {@code history.iteration()} is where it was left
     */
    public record Run(int number, int parent, long forkedAt, HistoryRecord history) {
    }

    /**
     * @throws IllegalArgumentException naming the run if numbers repeat, a parent is not an earlier run, a fork
     *                                  lies outside its parent, the runs have networks of different shapes (other
     *                                  than in the activation of hidden layers), or
     *                                  {@code current} is not a run
     */
    public SessionRecord {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one run");
        }
        if (runs.size() > Runs.MAX_RUNS) {
            throw new IllegalArgumentException("the session has " + runs.size() + " runs: at most " + Runs.MAX_RUNS + " are allowed");
        }
        if (current < 0 || current >= runs.size()) {
            throw new IllegalArgumentException("the run on show is number " + (current + 1) + " of the list: expected 1 to " + runs.size());
        }
        Set<Integer> seen = new HashSet<>();
        long stored = 0;
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            String where = "run " + r.number();
            if (r.number() < 1 || !seen.add(r.number())) {
                throw new IllegalArgumentException(where + ": its number must be 1 or more and not repeat");
            }
            if (r.parent() != 0 && (i == 0 || !seen.contains(r.parent()) || r.parent() == r.number())) {
                throw new IllegalArgumentException(where + " forks from run " + r.parent() + ": expected an earlier run, or 0 (none kept)");
            }
            if (r.forkedAt() < r.history().start() || r.forkedAt() > r.history().end()) {
                throw new IllegalArgumentException(where + " forks at iteration " + r.forkedAt() + ": expected "
                        + r.history().start() + " to " + r.history().end());
            }
            if (!LayerSpec.sameButHidden(r.history().scenario().layers(), runs.get(0).history().scenario().layers())) {
                throw new IllegalArgumentException(where + " has the layers " + r.history().scenario().layers()
                        + " but run " + runs.get(0).number() + " has " + runs.get(0).history().scenario().layers()
                        + ": runs may differ in the activation of hidden layers only");
            }
            stored += r.history().end() - r.history().start();
        }
        if (stored > History.MAX_LENGTH) {
            throw new IllegalArgumentException("the runs hold " + stored + " iterations together: at most "
                    + History.MAX_LENGTH + " are kept in memory");
        }
    }

    /** @return a session of the one run {@code h} */
    public static SessionRecord of(HistoryRecord h) {
        return new SessionRecord(List.of(new Run(1, 0, h.start(), h)), 0);
    }

    /** @return the history of the run on show */
    public HistoryRecord shown() {
        return runs.get(current).history();
    }
}
