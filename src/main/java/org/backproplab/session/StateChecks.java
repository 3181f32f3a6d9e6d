package org.backproplab.session;

import org.backproplab.data.Dataset;
import org.backproplab.engine.Network;

/** Comparisons the session needs after restoring a trainer. */
final class StateChecks {
    private StateChecks() {
    }

    /** @return true if {@code x} and {@code y} hold bit for bit the samples of {@code d} */
    static boolean sameData(Dataset d, double[][] x, double[][] y) {
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[r].length; c++) {
                if (Double.doubleToLongBits(x[r][c]) != Double.doubleToLongBits(d.input(r, c))) {
                    return false;
                }
            }
            for (int c = 0; c < y[r].length; c++) {
                if (Double.doubleToLongBits(y[r][c]) != Double.doubleToLongBits(d.target(r, c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return true if every weight of {@code n} is finite */
    static boolean finiteWeights(Network n) {
        for (int l = 1; l <= n.depth(); l++) {
            double[][] w = n.layer(l).weights().getData();
            for (double[] row : w) {
                for (double v : row) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
