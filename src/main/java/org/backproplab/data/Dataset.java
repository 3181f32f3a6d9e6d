package org.backproplab.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An immutable data set: samples (inputs {@code x} and targets {@code y}, one row each, with optional
 * labels) and optional probes (inputs without targets that the window and the command line evaluate,
 * such as Emily and Frank in the 2-2-1 tutorial).
 */
public final class Dataset {
    private final List<String> inputNames;
    private final List<String> targetNames;
    private final double[][] inputs;
    private final double[][] targets;
    private final List<String> labels;
    private final double[][] probes;
    private final List<String> probeLabels;
    private final int biasColumn;

    /**
     * @param inputNames  one name per input column, e.g. {@code x1, x2, x3}
     * @param targetNames one name per target column, e.g. {@code y}
     * @param inputs      one row per sample
     * @param targets     one row per sample
     * @param labels      one per sample, or empty for none
     * @param probes      probe inputs (may have no rows)
     * @param probeLabels one per probe, or empty
     * @param biasColumn  the index of a constant-1 input column that plays the bias (the XOR tutorial's
     *                    {@code x3}), or −1
     * @throws IllegalArgumentException naming the value if shapes disagree or a number is not finite
     */
    public Dataset(List<String> inputNames, List<String> targetNames, double[][] inputs, double[][] targets,
                   List<String> labels, double[][] probes, List<String> probeLabels, int biasColumn) {
        this.inputNames = List.copyOf(inputNames);
        this.targetNames = List.copyOf(targetNames);
        this.inputs = deepCopy(inputs);
        this.targets = deepCopy(targets);
        this.labels = labels == null ? List.of() : List.copyOf(labels);
        this.probes = probes == null ? new double[0][] : deepCopy(probes);
        this.probeLabels = probeLabels == null ? List.of() : List.copyOf(probeLabels);
        this.biasColumn = biasColumn;
        validate();
    }

    /** A data set without labels, probes or bias column, with default names x1.. and y1... */
    public static Dataset of(double[][] inputs, double[][] targets) {
        return new Dataset(names("x", inputs[0].length), names(targets[0].length == 1 ? "y" : "y", targets[0].length),
                inputs, targets, List.of(), null, List.of(), -1);
    }

    /** @return {@code prefix1 … prefixN}, or just {@code prefix} when {@code n == 1} and prefix is "y" */
    public static List<String> names(String prefix, int n) {
        List<String> s = new ArrayList<>();
        if (n == 1 && prefix.equals("y")) {
            return List.of("y");
        }
        for (int i = 1; i <= n; i++) {
            s.add(prefix + i);
        }
        return s;
    }

    private void validate() {
        if (inputs.length < 1) {
            throw new IllegalArgumentException("the data set is empty: expected at least one sample");
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException("the data set has " + inputs.length + " input rows but "
                    + targets.length + " target rows");
        }
        checkRows("input", inputs, inputNames.size());
        checkRows("target", targets, targetNames.size());
        if (!probeLabels.isEmpty() && probeLabels.size() != probes.length) {
            throw new IllegalArgumentException("there are " + probes.length + " probes but "
                    + probeLabels.size() + " probe labels");
        }
        checkRows("probe", probes, inputNames.size());
        if (!labels.isEmpty() && labels.size() != inputs.length) {
            throw new IllegalArgumentException("there are " + inputs.length + " samples but "
                    + labels.size() + " labels");
        }
        if (biasColumn >= inputNames.size() || biasColumn < -1) {
            throw new IllegalArgumentException("bias column " + biasColumn + " does not exist");
        }
    }

    private static void checkRows(String what, double[][] m, int width) {
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null || m[r].length != width) {
                throw new IllegalArgumentException(what + " row " + (r + 1) + " has "
                        + (m[r] == null ? 0 : m[r].length) + " values: expected " + width);
            }
            for (int c = 0; c < width; c++) {
                if (!Double.isFinite(m[r][c])) {
                    throw new IllegalArgumentException(what + " row " + (r + 1) + ", column " + (c + 1)
                            + " is " + m[r][c] + ": expected a finite number");
                }
            }
        }
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            c[r] = m[r] == null ? null : m[r].clone();
        }
        return c;
    }

    public int size() {
        return inputs.length;
    }

    public int inputSize() {
        return inputNames.size();
    }

    public int targetSize() {
        return targetNames.size();
    }

    public List<String> inputNames() {
        return inputNames;
    }

    public List<String> targetNames() {
        return targetNames;
    }

    /** @return a copy of the inputs as a matrix */
    public RealMatrix inputs() {
        return new Array2DRowRealMatrix(inputs, true);
    }

    /** @return a copy of the targets as a matrix */
    public RealMatrix targets() {
        return new Array2DRowRealMatrix(targets, true);
    }

    public double input(int sample, int column) {
        return inputs[sample][column];
    }

    public double target(int sample, int column) {
        return targets[sample][column];
    }

    /** @return the labels, one per sample, or an empty list */
    public List<String> labels() {
        return labels;
    }

    /** @return the label of a sample: its own, or {@code "#n"} counted from 1 */
    public String label(int sample) {
        return labels.isEmpty() ? "#" + (sample + 1) : labels.get(sample);
    }

    /** @return a copy of the probe inputs, possibly with no rows */
    public double[][] probes() {
        return deepCopy(probes);
    }

    /** @return how many probes there are (without copying them) */
    public int probeCount() {
        return probes.length;
    }

    public List<String> probeLabels() {
        return probeLabels;
    }

    /** @return the constant-1 input column that plays the bias, or −1 */
    public int biasColumn() {
        return biasColumn;
    }

    /** @return a copy with one input changed */
    public Dataset withInput(int sample, int column, double value) {
        double[][] x = deepCopy(inputs);
        x[sample][column] = value;
        return new Dataset(inputNames, targetNames, x, targets, labels, probes, probeLabels, biasColumn);
    }

    /** @return a copy with one target changed */
    public Dataset withTarget(int sample, int column, double value) {
        double[][] y = deepCopy(targets);
        y[sample][column] = value;
        return new Dataset(inputNames, targetNames, inputs, y, labels, probes, probeLabels, biasColumn);
    }

    /** @return a copy with other samples (and labels, or an empty list), keeping names and probes */
    public Dataset withSamples(double[][] x, double[][] y, List<String> newLabels) {
        return new Dataset(inputNames, targetNames, x, y, newLabels, probes, probeLabels, biasColumn);
    }

    /** @return a copy with other probes */
    public Dataset withProbes(double[][] p, List<String> newLabels) {
        return new Dataset(inputNames, targetNames, inputs, targets, labels, p, newLabels, biasColumn);
    }
}
