package org.backproplab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole loss history, compact and append-only (but truncatable), and its decimation for drawing.
 *
 * <p>Entry {@code j} (from 0) is the loss of the weights after {@code start + j} updates, where {@code start} is
 * the iteration the history starts at (passed to {@link #curve}); so entry 0 of a fresh session is the initial
 * loss, at iteration 0.
 *
 * <p>What a value means:
 * <ul>
 *   <li>a number, including {@code ±∞}: the loss at that iteration. An infinite loss (the run diverged) is a real
 *       value: it is kept by the decimation like any other extreme, and the chart shows it.</li>
 *   <li>NaN: no value here: the loss was not evaluated at this iteration (a fast per-sample or mini-batch run
 *       evaluates the whole set only every few iterations), or there is no test set yet. NaN entries are
 *       skipped when drawing, never drawn as a gap or a spike.</li>
 * </ul>
 * A loss that was evaluated but came out NaN (the arithmetic broke down: divergence) must therefore not be stored
 * as NaN, or it would read as "not evaluated": {@link #addEvaluated} stores it as {@code +∞}.
 *
 * <p>Storage: chunks of {@value #CHUNK} entries (a chunk that would hold only NaN, as a test series before any
 * split, is never allocated), and for every block of {@value #BLOCK} entries its first and last value and its
 * minimum and maximum with their positions, so that {@link #curve} decimates millions of iterations without
 * scanning them all. Owned by the worker thread.
 */
final class LossSeries {
    static final int BLOCK = 64;
    /** Entries per chunk: storage grows a chunk at a time (no copy of the whole series), 512 KB each. */
    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;

    /** Chunk {@code c} holds entries {@code c·CHUNK ..}; a null chunk holds only NaN (a test series before a split). */
    private double[][] chunks = new double[16][];
    private int count;
    /** Per block: its smallest and largest value (NaN if the block has none). */
    private double[] blockMin = new double[16];
    private double[] blockMax = new double[16];
    /** Per block: the offsets in the block of its first value, last value, (first) minimum and (first) maximum; −1 if none. */
    private byte[] blockFirst = new byte[16];
    private byte[] blockLast = new byte[16];
    private byte[] blockArgMin = new byte[16];
    private byte[] blockArgMax = new byte[16];
    private final List<LossCurve.Marker> markers = new ArrayList<>();

    /** Appends the entry for the next iteration: a loss, or NaN for "not evaluated here" (see the class comment). */
    void add(double loss) {
        int c = count >>> CHUNK_BITS;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[c] == null && !Double.isNaN(loss)) {
            chunks[c] = new double[CHUNK];
            Arrays.fill(chunks[c], Double.NaN);
        }
        if (chunks[c] != null) {
            chunks[c][count & (CHUNK - 1)] = loss;
        }
        int b = count / BLOCK;
        if (b == blockMin.length) {
            growBlocks();
        }
        if (count % BLOCK == 0) {
            clearBlock(b);
        }
        summarise(b, count % BLOCK, loss);
        count++;
    }

    /** Appends a loss that was evaluated: a NaN loss (divergence) is stored as {@code +∞} so that it is drawn. */
    void addEvaluated(double loss) {
        add(Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss);
    }

    /** Appends "not evaluated at this iteration". */
    void skip() {
        add(Double.NaN);
    }

    private void growBlocks() {
        int n = blockMin.length * 2;
        blockMin = Arrays.copyOf(blockMin, n);
        blockMax = Arrays.copyOf(blockMax, n);
        blockFirst = Arrays.copyOf(blockFirst, n);
        blockLast = Arrays.copyOf(blockLast, n);
        blockArgMin = Arrays.copyOf(blockArgMin, n);
        blockArgMax = Arrays.copyOf(blockArgMax, n);
    }

    private void clearBlock(int b) {
        blockMin[b] = Double.NaN;
        blockMax[b] = Double.NaN;
        blockFirst[b] = -1;
        blockLast[b] = -1;
        blockArgMin[b] = -1;
        blockArgMax[b] = -1;
    }

    /** Takes the entry at offset {@code o} of block {@code b} into the block's summary; NaN is no value. */
    private void summarise(int b, int o, double loss) {
        if (Double.isNaN(loss)) {
            return;
        }
        if (blockFirst[b] < 0) {
            blockFirst[b] = (byte) o;
            blockMin[b] = loss;
            blockMax[b] = loss;
            blockArgMin[b] = (byte) o;
            blockArgMax[b] = (byte) o;
        } else if (loss < blockMin[b]) {
            blockMin[b] = loss;
            blockArgMin[b] = (byte) o;
        } else if (loss > blockMax[b]) {
            blockMax[b] = loss;
            blockArgMax[b] = (byte) o;
        }
        blockLast[b] = (byte) o;
    }

    int size() {
        return count;
    }

    double get(int i) {
        double[] chunk = chunks[i >>> CHUNK_BITS];
        return chunk == null ? Double.NaN : chunk[i & (CHUNK - 1)];
    }

    /** Keeps the first {@code n} entries and the markers up to iteration {@code n}. */
    void truncate(int n) {
        if (n >= count) {
            return;
        }
        count = n;
        for (int c = (n + CHUNK - 1) >>> CHUNK_BITS; c < chunks.length; c++) {
            chunks[c] = null;
        }
        int full = n / BLOCK;
        if (n % BLOCK != 0) {
            clearBlock(full);
            for (int i = full * BLOCK; i < n; i++) {
                summarise(full, i - full * BLOCK, get(i));
            }
        }
        markers.removeIf(m -> m.iteration() > n);
    }

    void mark(long iteration, String text) {
        markers.add(new LossCurve.Marker(iteration, text));
    }

    void removeLastMarker() {
        if (!markers.isEmpty()) {
            markers.remove(markers.size() - 1);
        }
    }

    void clear() {
        count = 0;
        Arrays.fill(chunks, null);
        markers.clear();
    }

    /**
     * {@link #curve(int, long, boolean)} with one more point at the end: the loss {@code tail} of the weights at
     * iteration {@code end} (after the last update, one past the last entry), which the history has not stored yet;
     * none if {@code tail} is NaN (or {@code end} is 0 on a log axis). The toolbar's loss is this last point's value.
     */
    LossCurve curve(int columns, long start, long end, double tail, boolean logIterations) {
        LossCurve c = curve(columns, start, logIterations);
        if (Double.isNaN(tail) || end != start + count || logIterations && end < 1) {
            return c;
        }
        int n = c.points();
        long[] x = java.util.Arrays.copyOf(c.iterations(), n + 1);
        double[] y = java.util.Arrays.copyOf(c.losses(), n + 1);
        x[n] = end;
        y[n] = tail;
        return new LossCurve(c.count() + 1, c.start(), c.bucket(), x, y, c.markers(), tail);
    }

    /** {@link #curve(int, long, long, double, boolean)} for a linear iteration axis. */
    LossCurve curve(int columns, long start, long end, double tail) {
        return curve(columns, start, end, tail, false);
    }

    /** {@link #curve(int, long, boolean)} for a linear iteration axis. */
    LossCurve curve(int columns, long start) {
        return curve(columns, start, false);
    }

    /**
     * The curve to draw, decimated by the M4 scheme: the entries are cut into at most {@code columns} buckets (one
     * bucket per pixel column of the chart), and each bucket contributes its first value, its minimum, its maximum
     * and its last value, at their own iterations and in iteration order (coinciding ones once). So every bucket's
     * extremes are drawn exactly, in the order the loss took them; NaN entries (no value) are skipped. Up to
     * {@code 4 · columns} points.
     * <ul>
     *   <li>Linear iteration axis: buckets of {@code w = ⌈size / columns⌉} consecutive iterations, rounded up to
     *       whole blocks of {@value #BLOCK} once it exceeds one; the series is drawn whole while
     *       {@code size ≤ columns}.</li>
     *   <li>Logarithmic iteration axis ({@code logIterations}): bucket {@code j} of the iterations {@code [a, b)}
     *       ends at {@code a·(b/a)^(j/columns)}, so that each takes the same width on the axis (a bucket wider than
     *       two blocks ends on a block); the start of training keeps every iteration while a long run is summed up
     *       in the later buckets. Iteration 0 has no place on a log axis and is left out.</li>
     * </ul>
     *
     * @param columns the most buckets (at least 1)
     * @param start   the iteration of entry 0 (the iteration the history starts at)
     * @return the points, with the markers and the last value; {@link LossCurve#bucket()} is the widest bucket
     * @throws IllegalArgumentException if {@code columns < 1}
     */
    LossCurve curve(int columns, long start, boolean logIterations) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns " + columns + " is not allowed: expected 1 or more");
        }
        int[] ends = logIterations ? logEnds(columns, start) : linearEnds(columns);
        int from = logIterations && start == 0 ? Math.min(1, count) : 0;
        long widest = 1;
        long[] iterations = new long[4 * ends.length];
        double[] losses = new double[iterations.length];
        int n = 0;
        Bucket bucket = new Bucket();
        for (int to : ends) {
            widest = Math.max(widest, to - from);
            scan(bucket, from, to);
            for (int i : bucket.inOrder()) {
                iterations[n] = start + i;
                losses[n] = bucket.valueAt(i, this);
                n++;
            }
            from = to;
        }
        double latest = n == 0 ? Double.NaN : losses[n - 1];
        return new LossCurve(count, start, widest, Arrays.copyOf(iterations, n), Arrays.copyOf(losses, n),
                List.copyOf(markers), latest);
    }

    /** @return the (exclusive) end of each bucket of a linear axis: {@code w, 2w, …, size} */
    private int[] linearEnds(int columns) {
        int width = Math.max(1, (count + columns - 1) / columns);
        if (width > BLOCK) {
            width = (width + BLOCK - 1) / BLOCK * BLOCK;
        }
        int[] ends = new int[(count + width - 1) / width];
        for (int k = 0; k < ends.length; k++) {
            ends[k] = Math.min(count, (k + 1) * width);
        }
        return ends;
    }

    /** @return the (exclusive) end of each bucket of a logarithmic axis, as in {@link #curve(int, long, boolean)} */
    private int[] logEnds(int columns, long start) {
        int first = start == 0 ? 1 : 0;
        if (count <= first) {
            return new int[0];
        }
        double a = start + first;
        double ratio = (double) (start + count) / a;
        int[] ends = new int[columns];
        int n = 0;
        int from = first;
        for (int j = 1; j <= columns && from < count; j++) {
            long at = j == columns ? count : Math.round(a * Math.pow(ratio, (double) j / columns) - start);
            int to = (int) Math.max(from + 1, Math.min(count, at));
            if (to - from > 2 * BLOCK && to < count) {
                to = to / BLOCK * BLOCK;
            }
            ends[n++] = to;
            from = to;
        }
        return Arrays.copyOf(ends, n);
    }

    /**
     * Fills {@code bucket} with the first, last, smallest and largest value among entries {@code [from, to)}:
     * from the block summaries where the range starts on a block and ends on one (or at the end of the series),
     * entry by entry otherwise.
     */
    private void scan(Bucket bucket, int from, int to) {
        bucket.clear();
        if (from % BLOCK == 0 && (to % BLOCK == 0 || to == count)) {
            for (int b = from / BLOCK, end = (to + BLOCK - 1) / BLOCK; b < end; b++) {
                int f = blockFirst[b];
                if (f >= 0) {
                    int at = b * BLOCK;
                    bucket.take(at + f, blockMin[b], at + blockArgMin[b], blockMax[b], at + blockArgMax[b],
                            at + blockLast[b]);
                }
            }
            return;
        }
        for (int i = from; i < to; i++) {
            double v = get(i);
            if (!Double.isNaN(v)) {
                bucket.take(i, v, i, v, i, i);
            }
        }
    }

    /** The M4 summary of one bucket: positions of its first value, minimum, maximum and last value. */
    private static final class Bucket {
        private int first;
        private int last;
        private int argMin;
        private int argMax;
        private double min;
        private double max;

        void clear() {
            first = -1;
        }

        /** Takes a run of entries (given in order) whose first value is at {@code f} and last value at {@code l}. */
        void take(int f, double lo, int argLo, double hi, int argHi, int l) {
            if (first < 0) {
                first = f;
                min = lo;
                argMin = argLo;
                max = hi;
                argMax = argHi;
            } else {
                if (lo < min) {
                    min = lo;
                    argMin = argLo;
                }
                if (hi > max) {
                    max = hi;
                    argMax = argHi;
                }
            }
            last = l;
        }

        /** @return the value at position {@code i} of the bucket, from the summary where it is known */
        double valueAt(int i, LossSeries series) {
            return i == argMin ? min : i == argMax ? max : series.get(i);
        }

        /** @return the distinct positions of first, minimum, maximum and last, ascending; empty if no value */
        int[] inOrder() {
            if (first < 0) {
                return new int[0];
            }
            int[] p = {first, argMin, argMax, last};
            Arrays.sort(p);
            int n = 1;
            for (int k = 1; k < p.length; k++) {
                if (p[k] != p[n - 1]) {
                    p[n++] = p[k];
                }
            }
            return Arrays.copyOf(p, n);
        }
    }

    /** @return the entries, for files */
    double[] toArray() {
        double[] out = new double[count];
        for (int c = 0; c * CHUNK < count; c++) {
            int len = Math.min(CHUNK, count - c * CHUNK);
            if (chunks[c] == null) {
                Arrays.fill(out, c * CHUNK, c * CHUNK + len, Double.NaN);
            } else {
                System.arraycopy(chunks[c], 0, out, c * CHUNK, len);
            }
        }
        return out;
    }

    /** @return bytes held by the stored values and block summaries, for memory figures */
    long bytes() {
        long b = 20L * blockMin.length + 8L * chunks.length;
        for (double[] c : chunks) {
            b += c == null ? 0 : 8L * c.length;
        }
        return b;
    }

    /**
     * Makes {@code target} (empty) hold the first {@code n} entries of this series and the markers up to and at
     * iteration {@code lastIteration}.
     */
    void copyInto(LossSeries target, int n, long lastIteration) {
        for (int i = 0; i < n; i++) {
            target.add(get(i));
        }
        for (LossCurve.Marker m : markers) {
            if (m.iteration() <= lastIteration) {
                target.markers.add(m);
            }
        }
    }
}
