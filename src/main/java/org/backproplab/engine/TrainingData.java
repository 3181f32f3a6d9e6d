package org.backproplab.engine;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * The samples a trainer learns from, immutable: inputs {@code X} and targets {@code Y} (one row per sample)
 * and the rows that train ({@code trainRows}, ascending); the other rows are held out as a test set. Edits
 * make new instances, so snapshots can share one safely.
 */
final class TrainingData {
    /** The largest number of input plus target cells a data set may have. */
    static final long MAX_CELLS = 1_000_000L;

    final double[][] x;
    final double[][] y;
    final int[] trainRows;

    private TrainingData(double[][] x, double[][] y, int[] trainRows) {
        this.x = x;
        this.y = y;
        this.trainRows = trainRows;
    }

    /**
     * @throws IllegalArgumentException naming the value if the data set is empty, too large (alone, or for this
     *                                  network: {@link WorkLimits}), of the wrong width, or holds a number that
     *                                  is not finite or a target {@code loss} refuses
     */
    static TrainingData of(RealMatrix inputs, RealMatrix targets, Network net, Loss loss) {
        if (inputs == null || targets == null || inputs.getRowDimension() < 1) {
            throw new IllegalArgumentException("the data set is empty: expected at least one sample");
        }
        int n = inputs.getRowDimension();
        if (targets.getRowDimension() != n) {
            throw new IllegalArgumentException("the data set has " + n + " input rows but "
                    + targets.getRowDimension() + " target rows");
        }
        if (inputs.getColumnDimension() != net.inputSize()) {
            throw new IllegalArgumentException("the data set has " + inputs.getColumnDimension()
                    + " input columns but the network takes " + net.inputSize());
        }
        if (targets.getColumnDimension() != net.outputSize()) {
            throw new IllegalArgumentException("the data set has " + targets.getColumnDimension()
                    + " target columns but the network has " + net.outputSize() + " outputs");
        }
        if ((long) n * (inputs.getColumnDimension() + targets.getColumnDimension()) > MAX_CELLS) {
            throw new IllegalArgumentException("the data set has more than " + MAX_CELLS + " cells");
        }
        WorkLimits.check(net, n);
        double[][] xs = inputs.getData();
        double[][] ys = targets.getData();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < xs[r].length; c++) {
                Checks.finite("input x" + (c + 1) + " of sample " + (r + 1), xs[r][c]);
            }
            for (int c = 0; c < ys[r].length; c++) {
                Checks.finite("target y" + (c + 1) + " of sample " + (r + 1), ys[r][c]);
            }
        }
        TrainingData d = new TrainingData(xs, ys, allRows(n));
        d.checkTargets(loss);
        return d;
    }

    int size() {
        return x.length;
    }

    /** @return true if some rows are held out */
    boolean hasTestRows() {
        return trainRows.length < x.length;
    }

    /** @return the held-out rows, ascending */
    int[] testRows() {
        int[] t = new int[x.length - trainRows.length];
        int k = 0;
        int next = 0;
        for (int r = 0; r < x.length; r++) {
            if (next < trainRows.length && trainRows[next] == r) {
                next++;
            } else {
                t[k++] = r;
            }
        }
        return t;
    }

    /** @throws IllegalArgumentException naming the sample if a target is one {@code loss} cannot take */
    void checkTargets(Loss loss) {
        for (int r = 0; r < y.length; r++) {
            for (int k = 0; k < y[r].length; k++) {
                Checks.target(y[r][k], "target y" + (k + 1) + " of sample " + (r + 1), loss);
            }
        }
    }

    TrainingData withInput(int sample, int column, double value) {
        Checks.index("sample", sample, x.length);
        Checks.index("input column", column, x[0].length);
        Checks.finite("input x" + (column + 1) + " of sample " + (sample + 1), value);
        double[][] c = Kernels.copy(x);
        c[sample][column] = value;
        return new TrainingData(c, y, trainRows);
    }

    TrainingData withTarget(int sample, int column, double value, Loss loss) {
        Checks.index("sample", sample, y.length);
        Checks.index("target column", column, y[0].length);
        String where = "target y" + (column + 1) + " of sample " + (sample + 1);
        Checks.finite(where, value);
        Checks.target(value, where, loss);
        double[][] c = Kernels.copy(y);
        c[sample][column] = value;
        return new TrainingData(x, c, trainRows);
    }

    /**
     * @param test rows to hold out (any order, no duplicates)
     * @throws IllegalArgumentException naming the row if it does not exist or repeats, or if no row would train
     */
    TrainingData withTestRows(int[] test) {
        boolean[] held = new boolean[x.length];
        for (int r : test) {
            Checks.index("test row", r, x.length);
            if (held[r]) {
                throw new IllegalArgumentException("test row " + r + " is listed twice");
            }
            held[r] = true;
        }
        if (test.length >= x.length) {
            throw new IllegalArgumentException("all " + x.length + " samples would be held out for testing: "
                    + "at least one must train");
        }
        int[] t = new int[x.length - test.length];
        int k = 0;
        for (int r = 0; r < x.length; r++) {
            if (!held[r]) {
                t[k++] = r;
            }
        }
        return new TrainingData(x, y, t);
    }

    static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
