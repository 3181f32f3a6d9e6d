package org.backproplab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole loss history, compact and append-only (but truncatable), stored in chunks of {@value #CHUNK}
 * entries (a chunk that would hold only NaN, as a test series before any split, is never allocated), with the min and max of every block of
 * {@value #BLOCK} iterations kept alongside so that {@link #curve(int)} can decimate a million iterations
 * without scanning them all. Entry {@code i} (from 0) is the loss before update {@code i + 1}.
 * Owned by the worker thread.
 */
final class LossSeries {
    static final int BLOCK = 64;
    /** Entries per chunk: storage grows a chunk at a time (no copy of the whole series), 512 KB each. */
    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;

    /** Chunk {@code c} holds entries {@code c·CHUNK ..}; a null chunk holds only NaN (a test series before a split). */
    private double[][] chunks = new double[16][];
    private int count;
    private double[] blockMin = new double[16];
    private double[] blockMax = new double[16];
    private final List<LossCurve.Marker> markers = new ArrayList<>();

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
            blockMin = Arrays.copyOf(blockMin, blockMin.length * 2);
            blockMax = Arrays.copyOf(blockMax, blockMax.length * 2);
        }
        if (count % BLOCK == 0) {
            blockMin[b] = loss;
            blockMax[b] = loss;
        } else {
            blockMin[b] = min(blockMin[b], loss);
            blockMax[b] = max(blockMax[b], loss);
        }
        count++;
    }

    /** NaN-aware min: a non-finite loss wins, so a spike to NaN or ∞ is never hidden. */
    private static double min(double a, double b) {
        return Double.isNaN(b) || b < a ? b : a;
    }

    private static double max(double a, double b) {
        return Double.isNaN(b) || b > a ? b : a;
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
            double lo = get(full * BLOCK);
            double hi = lo;
            for (int i = full * BLOCK + 1; i < n; i++) {
                lo = min(lo, get(i));
                hi = max(hi, get(i));
            }
            blockMin[full] = lo;
            blockMax[full] = hi;
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
     * @param maxPoints the most points to return (at least 2)
     * @param base      the iteration the series starts after (entry 0 is iteration {@code base + 1})
     * @return the curve decimated to at most {@code maxPoints} points of min and max
     */
    LossCurve curve(int maxPoints, long base, long end, double tail) {
        LossCurve c = curve(maxPoints, base - 1);
        if (Double.isNaN(tail)) {
            return c;
        }
        int n = c.points();
        long[] first = java.util.Arrays.copyOf(c.first(), n + 1);
        long[] last = java.util.Arrays.copyOf(c.last(), n + 1);
        double[] lo = java.util.Arrays.copyOf(c.min(), n + 1);
        double[] hi = java.util.Arrays.copyOf(c.max(), n + 1);
        first[n] = end;
        last[n] = end;
        lo[n] = tail;
        hi[n] = tail;
        return new LossCurve(c.count() + 1, first, last, lo, hi, c.markers(), tail);
    }

    LossCurve curve(int maxPoints, long base) {
        double latest = count == 0 ? Double.NaN : get(count - 1);
        if (count <= maxPoints) {
            long[] first = new long[count];
            double[] v = toArray();
            for (int i = 0; i < count; i++) {
                first[i] = base + i + 1;
            }
            return new LossCurve(count, first, first.clone(), v, v.clone(), List.copyOf(markers), latest);
        }
        int per = (int) Math.ceil((double) count / maxPoints);
        per = ((per + BLOCK - 1) / BLOCK) * BLOCK;
        int points = (count + per - 1) / per;
        long[] first = new long[points];
        long[] last = new long[points];
        double[] lo = new double[points];
        double[] hi = new double[points];
        for (int p = 0; p < points; p++) {
            int start = p * per;
            int end = Math.min(count, start + per);
            first[p] = base + start + 1;
            last[p] = base + end;
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            int fullEnd = start + ((end - start) / BLOCK) * BLOCK;
            for (int b = start / BLOCK; b < fullEnd / BLOCK; b++) {
                mn = min(mn, blockMin[b]);
                mx = max(mx, blockMax[b]);
            }
            for (int i = fullEnd; i < end; i++) {
                mn = min(mn, get(i));
                mx = max(mx, get(i));
            }
            lo[p] = mn;
            hi[p] = mx;
        }
        return new LossCurve(count, first, last, lo, hi, List.copyOf(markers), latest);
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
        long b = 16L * blockMin.length + 8L * chunks.length;
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
