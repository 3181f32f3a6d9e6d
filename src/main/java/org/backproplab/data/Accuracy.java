package org.backproplab.data;

/**
 * Which class a network predicts and how often it is right. The predicted class of a sample is the output with
 * the largest value (the first on a tie); with a single output, class 1 when {@code ŷ ≥ 0.5}, else 0. The true
 * class is the target column holding the largest value (the 1 of a one-hot row), or {@code y ≥ 0.5} for one output.
 */
public final class Accuracy {
    private Accuracy() {
    }

    /** @return the predicted class of one sample's outputs {@code ŷ} */
    public static int predicted(double[] yHat) {
        if (yHat.length == 1) {
            return yHat[0] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < yHat.length; k++) {
            if (yHat[k] > yHat[best]) {
                best = k;
            }
        }
        return best;
    }

    /** @return the true class of one sample's targets {@code y} */
    public static int truth(double[] y) {
        return predicted(y);
    }

    /** @return the number of classes of rows of {@code width} outputs: 2 for one output, else the width */
    public static int classCount(int width) {
        return width == 1 ? 2 : width;
    }

    /**
     * @param rows the rows to count
     * @return the fraction of {@code rows} whose predicted class is the true one, or NaN for no rows
     */
    public static double of(double[][] yHat, double[][] y, int[] rows) {
        if (rows.length == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int r : rows) {
            if (predicted(yHat[r]) == truth(y[r])) {
                right++;
            }
        }
        return (double) right / rows.length;
    }

    /**
     * The confusion matrix: {@code m[true][predicted]} counts the rows whose true class is {@code true} and whose
     * predicted class is {@code predicted}.
     */
    public static int[][] confusion(double[][] yHat, double[][] y, int[] rows) {
        int k = classCount(y[0].length);
        int[][] m = new int[k][k];
        for (int r : rows) {
            m[truth(y[r])][predicted(yHat[r])]++;
        }
        return m;
    }
}
