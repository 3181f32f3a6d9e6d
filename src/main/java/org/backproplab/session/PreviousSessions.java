package org.backproplab.session;

import java.util.ArrayDeque;
import java.util.Deque;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;

/**
 * The sessions a preset, data set, architecture or file switch replaced, newest first, so that Back right after a
 * switch brings the previous one back whole (its runs, the iteration on show, its data set and test share). At most
 * {@value #MAX_KEPT} are kept, and together with the session on show they stay within {@link History#MAX_LENGTH}
 * stored iterations: when training needs the room, the oldest is let go first (the status bar says so), so the
 * memory of the whole app stays what one full history needs. Owned by the worker.
 */
final class PreviousSessions {
    static final int MAX_KEPT = 4;

    /**
     * A session put aside: everything needed to show it again exactly ({@code described}: the scenario as it was
     * loaded, which its description line describes).
     */
    record Kept(Scenario scenario, Scenario described, Dataset dataset, double testFraction, Runs runs, long position) {
    }

    private final Deque<Kept> kept = new ArrayDeque<>();
    private long stored;

    /**
     * Keeps {@code k}, letting the oldest go while there are too many or they hold too many iterations.
     *
     * @return how many older sessions were let go
     */
    int push(Kept k) {
        kept.push(k);
        int dropped = 0;
        while (kept.size() > MAX_KEPT || (kept.size() > 1 && count() > History.MAX_LENGTH)) {
            kept.removeLast();
            dropped++;
        }
        stored = count();
        return dropped;
    }

    /** @return the session replaced last, or null */
    Kept pop() {
        Kept k = kept.poll();
        stored = count();
        return k;
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** @return the name of the session Back would bring back, or null */
    String nextName() {
        Kept k = kept.peek();
        return k == null ? null : k.scenario().name();
    }

    /** @return the iterations the kept sessions store together (kept up to date on every change) */
    long stored() {
        return stored;
    }

    /** Lets the oldest kept session go. */
    void dropOldest() {
        kept.removeLast();
        stored = count();
    }

    private long count() {
        long n = 0;
        for (Kept k : kept) {
            n += k.runs().stored();
        }
        return n;
    }
}
