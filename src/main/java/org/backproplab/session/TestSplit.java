package org.backproplab.session;

/** Which samples a train/test split holds out: a seeded choice, so the same seed holds out the same rows. */
final class TestSplit {
    private TestSplit() {
    }

    /** @return {@code round(fraction·n)} rows chosen by a seeded shuffle (at least one row keeps training) */
    static int[] rows(double fraction, int n, long seed) {
        int count = (int) Math.min(n - 1, Math.round(fraction * n));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        org.apache.commons.math3.random.MersenneTwister rng = new org.apache.commons.math3.random.MersenneTwister(seed ^ 0x5EED_5EEDL);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] test = java.util.Arrays.copyOf(order, Math.max(0, count));
        java.util.Arrays.sort(test);
        return test;
    }

}
