package org.backproplab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * A seeded, stratified train/test split: from each class, {@code round(fraction · count)} samples chosen by a
 * Fisher–Yates shuffle of that class's rows (a {@link MersenneTwister} seeded with {@code seed}, classes taken in
 * order) are held out, so the test set has the classes in the proportions of the whole set.
 */
public final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /**
     * @param classes  the class of each sample, from 0
     * @param fraction the share of each class to hold out, in {@code [0, 1)}
     * @return the held-out rows, ascending
     * @throws IllegalArgumentException if the fraction is outside {@code [0, 1)}
     */
    public static int[] testRows(int[] classes, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("test share " + fraction + " is not allowed: expected 0 ≤ share < 1");
        }
        int k = Arrays.stream(classes).max().orElse(-1) + 1;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int r = 0; r < classes.length; r++) {
            byClass.get(classes[r]).add(r);
        }
        MersenneTwister rng = new MersenneTwister(seed);
        List<Integer> test = new ArrayList<>();
        for (List<Integer> rows : byClass) {
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            test.addAll(rows.subList(0, (int) Math.round(fraction * rows.size())));
        }
        return test.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** @return the rows {@code 0 … n − 1} not in {@code test} (ascending) */
    public static int[] trainRows(int n, int[] test) {
        boolean[] held = new boolean[n];
        for (int r : test) {
            held[r] = true;
        }
        return java.util.stream.IntStream.range(0, n).filter(r -> !held[r]).toArray();
    }
}
