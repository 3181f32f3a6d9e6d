package org.backproplab.engine;

import org.apache.commons.math3.random.MersenneTwister;

/**
 * Which samples iteration {@code k} (counted from 0) uses: with {@code B} batches per epoch, batch
 * {@code k mod B} of epoch {@code k div B}, in the order of the training rows or, with shuffling, in an
 * order drawn from a generator seeded by (seed, epoch). The order depends on nothing else, so any
 * iteration can be replayed exactly.
 */
final class BatchSchedule {
    private int[] order;
    private long orderEpoch = -1;
    private int[] scratch = new int[0];

    /**
     * Loads the batch of iteration {@code k} into {@code w}. The trainer keeps {@code 0 ≤ k ≤}
     * {@link Trainer#MAX_ITERATION}, so the epoch {@code k div B} and the first row {@code (k mod B)·size < n}
     * are never negative.
     *
     * @throws IllegalArgumentException if {@code k} is negative
     */
    void load(Workspace w, long k, TrainingData d, TrainingConfig config) {
        int n = d.trainRows.length;
        BatchMode mode = config.batch();
        if (mode.isFull()) {
            w.load(d.x, d.y, d.trainRows, n, n == d.size());
            return;
        }
        if (k < 0) {
            throw new IllegalArgumentException("iteration " + k + " is not allowed: expected 0.." + Trainer.MAX_ITERATION);
        }
        int perEpoch = mode.batchesPerEpoch(n);
        long epoch = k / perEpoch;
        int start = (int) (k % perEpoch) * mode.size();
        int count = Math.min(mode.size(), n - start);
        int[] ord = order(epoch, d, config);
        if (scratch.length < count) {
            scratch = new int[count];
        }
        System.arraycopy(ord, start, scratch, 0, count);
        w.load(d.x, d.y, scratch, count, false);
    }

    /** Forgets the cached order (after the data or the configuration changed). */
    void invalidate() {
        orderEpoch = -1;
        order = null;
    }

    private int[] order(long epoch, TrainingData d, TrainingConfig config) {
        if (order != null && orderEpoch == epoch) {
            return order;
        }
        int[] o = d.trainRows.clone();
        if (config.shuffle()) {
            long s = config.seed();
            MersenneTwister rng = new MersenneTwister(new int[] {(int) (s >>> 32), (int) s, (int) (epoch >>> 32), (int) epoch});
            for (int i = o.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
        }
        order = o;
        orderEpoch = epoch;
        return o;
    }
}
