package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a session: a tree of histories. Training or stepping from an earlier iteration follows the run
 * already recorded there (training is deterministic, so that is what it would compute); an edit or "Resume from
 * here" at an earlier iteration forks a new run that shares nothing mutable with the old one, which stays
 * as it was and can be shown again. Memory is bounded: all runs together hold at most
 * {@link History#MAX_LENGTH} iterations and at most {@value #MAX_RUNS} runs are kept. Owned by the worker.
 */
final class Runs {
    static final int MAX_RUNS = 16;

    /** One run: its history (complete from its start, copied from its parent up to the fork) and where it was left. */
    static final class Run {
        final int number;
        /** The run it forked from, or 0 (the first run, or its parent was deleted: its history is whole anyway). */
        int parent;
        final long forkedAt;
        final History history;
        /** The iteration on show when this run was left for another (restored when it is shown again). */
        long position;
        /** How many of its edits it took over from its parent (its own come after). */
        final int inheritedEdits;
        /** Wall time spent training it (iterations recorded or followed), in nanoseconds. */
        long trainingNanos;
        /** Its end as last measured for the runs table and legend, or null (see {@link RunSummaries}). */
        RunSummaries.End end;
        /** Its loss curve as last drawn beside another run, or null (see {@link RunSummaries}). */
        RunSummaries.Curve curve;

        Run(int number, int parent, long forkedAt, History history, int inheritedEdits) {
            this.number = number;
            this.parent = parent;
            this.forkedAt = forkedAt;
            this.history = history;
            this.position = forkedAt;
            this.inheritedEdits = inheritedEdits;
        }
    }

    private final List<Run> runs = new ArrayList<>();
    private Run current;
    private int nextNumber = 1;

    /** One run over {@code h}, nothing else. */
    Runs(History h) {
        current = new Run(nextNumber++, 0, h.base(), h, 0);
        runs.add(current);
    }

    /** Runs rebuilt from a file: {@code built[i]} is the history of {@code record.runs()[i]}, left at its iteration. */
    Runs(SessionRecord record, List<History> built) {
        for (int i = 0; i < built.size(); i++) {
            SessionRecord.Run r = record.runs().get(i);
            int inherited = 0;
            if (r.parent() != 0) {
                for (History.Edit e : find(r.parent()).history.edits()) {
                    inherited += e.iteration() <= r.forkedAt() ? 1 : 0;
                }
            }
            Run run = new Run(r.number(), r.parent(), r.forkedAt(), built.get(i), inherited);
            run.position = r.history().iteration();
            runs.add(run);
            nextNumber = Math.max(nextNumber, r.number() + 1);
        }
        current = runs.get(record.current());
    }

    Run current() {
        return current;
    }

    /** @return the values stored by every run together (the memory cap counts these, see {@code History.stored}) */
    long stored() {
        long n = 0;
        for (Run r : runs) {
            n += r.history.stored();
        }
        return n;
    }

    /** @return the values stored by the runs other than the current one */
    long storedByOthers() {
        return stored() - current.history.stored();
    }

    /** @return why a fork at {@code k} cannot be made (too many runs or iterations), or null if it can */
    String refusalToFork(long k) {
        if (runs.size() >= MAX_RUNS) {
            return "Could not start a new run from iteration " + k + ": " + MAX_RUNS + " runs are kept at most. "
                    + "Delete a run in the Runs list first.";
        }
        if (stored() + current.history.storedUpTo(k) >= History.MAX_LENGTH) {
            return String.format(java.util.Locale.ROOT, "Could not start a new run from iteration %,d: the runs "
                    + "hold %,d values together (a loss per iteration, and a penalty per iteration with L1 or L2), the "
                    + "most kept in memory is %,d. Delete a run in the Runs list first.",
                    k, stored(), History.MAX_LENGTH);
        }
        return null;
    }

    /**
     * Starts a new run that holds the current one up to iteration {@code k} and makes it current; the old run
     * keeps everything and remembers {@code k} as its position (where it was shown: "Resume from here" and an edit
     * are made there).
     */
    Run fork(long k) {
        return fork(k, k);
    }

    /**
     * As {@link #fork(long)}, the old run remembering {@code left} as its position: a variant (Compare…) forks at
     * any iteration of the run on show, which stays where it was shown.
     */
    Run fork(long k, long left) {
        Run r = new Run(nextNumber++, current.number, k, current.history.copyUpTo(k), current.history.editsUpTo(k));
        current.position = left;
        r.position = k;
        runs.add(r);
        current = r;
        return r;
    }

    /** @return the run numbered {@code number} */
    Run find(int number) {
        for (Run r : runs) {
            if (r.number == number) {
                return r;
            }
        }
        throw new IllegalArgumentException("there is no run " + number + ": the runs are " + numbers());
    }

    /** Makes {@code r} current, remembering {@code position} as the iteration the old current run was left at. */
    void switchTo(Run r, long position) {
        current.position = position;
        current = r;
    }

    /**
     * Forgets the run numbered {@code number}.
     *
     * @throws IllegalArgumentException if there is no such run or it is the one on show
     */
    void delete(int number) {
        Run r = find(number);
        if (r == current) {
            throw new IllegalArgumentException("run " + number + " is the one on show: switch to another run before deleting it");
        }
        runs.remove(r);
        for (Run child : runs) {
            if (child.parent == number) {
                child.parent = r.parent;
            }
        }
    }

    /** @return true if run {@code number} is still kept */
    boolean has(int number) {
        for (Run r : runs) {
            if (r.number == number) {
                return true;
            }
        }
        return false;
    }

    /**
     * Forgets the current run (it holds nothing of its own) and shows its parent again where it was left: at the
     * fork after "Resume from here" or an edit, where it was shown after a variant.
     *
     * @throws IllegalStateException if the parent is no longer kept (check {@link #has} first)
     */
    void dropCurrentForParent() {
        Run parent = find(current.parent);
        runs.remove(current);
        current = parent;
    }

    /** @return the runs, oldest first (for files) */
    List<Run> all() {
        return List.copyOf(runs);
    }

    int size() {
        return runs.size();
    }

    private String numbers() {
        StringBuilder b = new StringBuilder();
        for (Run r : runs) {
            b.append(b.length() == 0 ? "" : ", ").append(r.number);
        }
        return b.toString();
    }
}
