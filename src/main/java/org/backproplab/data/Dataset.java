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
    /** The derived inputs, in {@link InputFeature}'s order: the last input columns, computed from the two others. */
    private final List<InputFeature> features;

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
        this(inputNames, targetNames, inputs, targets, labels, probes, probeLabels, biasColumn, List.of());
    }

    /**
     * A data set whose last {@code features.size()} input columns are derived inputs ({@link InputFeature}) of
     * its two other inputs (not counting the bias column): {@code x1, x2, [bias,] f1(x1, x2), f2(x1, x2) …}.
     *
     * @param features the derived inputs, in {@link InputFeature}'s order, each once; empty for none
     * @throws IllegalArgumentException naming the value as above, or if there are features but not exactly two
     *                                  other inputs, or a derived column's name or value is not its formula's
     */
    public Dataset(List<String> inputNames, List<String> targetNames, double[][] inputs, double[][] targets,
                   List<String> labels, double[][] probes, List<String> probeLabels, int biasColumn,
                   List<InputFeature> features) {
        this.features = List.copyOf(features);
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
        checkFeatures();
    }

    private void checkFeatures() {
        if (features.isEmpty()) {
            return;
        }
        if (!features.equals(InputFeature.canonical(features))) {
            throw new IllegalArgumentException("input features " + InputFeature.idList(features)
                    + " must be named once each, in the order " + InputFeature.ids());
        }
        int base = inputNames.size() - features.size();
        if (base < 0 || varyingBase(base, biasColumn).length != 2) {
            throw new IllegalArgumentException("input features need a data set with two inputs (and at most a bias "
                    + "column) before them: this one has " + Math.max(0, base) + " input columns and "
                    + features.size() + " features");
        }
        int[] xy = varyingBase(base, biasColumn);
        for (int k = 0; k < features.size(); k++) {
            String name = features.get(k).formula(inputNames.get(xy[0]), inputNames.get(xy[1]));
            if (!inputNames.get(base + k).equals(name)) {
                throw new IllegalArgumentException("input column " + (base + k + 1) + " is named '"
                        + inputNames.get(base + k) + "' but holds the derived input " + name);
            }
        }
        checkDerived("input", inputs, base, xy);
        checkDerived("probe", probes, base, xy);
    }

    private void checkDerived(String what, double[][] rows, int base, int[] xy) {
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < features.size(); k++) {
                double expected = features.get(k).value(rows[r][xy[0]], rows[r][xy[1]]);
                if (Double.compare(rows[r][base + k], expected) != 0) {
                    throw new IllegalArgumentException(what + " row " + (r + 1) + ", column " + (base + k + 1) + " ("
                            + inputNames.get(base + k) + ") is " + rows[r][base + k] + " but "
                            + inputNames.get(base + k) + " of that row is " + expected);
                }
            }
        }
    }

    /** @return the columns among the first {@code base} that are not the bias column */
    private static int[] varyingBase(int base, int biasColumn) {
        return java.util.stream.IntStream.range(0, base).filter(c -> c != biasColumn).toArray();
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

    /** @return a copy of sample {@code sample}'s inputs {@code x} */
    public double[] inputRow(int sample) {
        return inputs[sample].clone();
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

    /** @return the derived inputs, the last {@code features().size()} input columns; empty for none */
    public List<InputFeature> features() {
        return features;
    }

    /** @return true if input {@code column} is a derived input, computed from the others */
    public boolean isDerived(int column) {
        return column >= inputNames.size() - features.size();
    }

    /**
     * @return the two input columns {@code x1, x2} that derived inputs are computed from (not the bias column, not a
     *         derived column), or an empty array if this data set does not have exactly two
     */
    public int[] featureBase() {
        int[] xy = varyingBase(inputNames.size() - features.size(), biasColumn);
        return xy.length == 2 ? xy : new int[0];
    }

    /** @return true if derived inputs can be added: two inputs, not counting a bias column or derived inputs */
    public boolean takesFeatures() {
        return featureBase().length == 2;
    }

    /**
     * @return this data set with {@code wanted} as its derived inputs instead of the ones it has: the derived columns
     *         of samples and probes are computed again, named by their formulas (e.g. {@code x1²})
     * @throws IllegalArgumentException if it does not have two inputs (see {@link #takesFeatures()})
     */
    public Dataset withFeatures(List<InputFeature> wanted) {
        List<InputFeature> list = InputFeature.canonical(wanted);
        int[] xy = featureBase();
        if (xy.length != 2 && !list.isEmpty()) {
            throw new IllegalArgumentException("input features need a data set with two inputs (not counting a bias "
                    + "column): this one has " + varyingBase(inputNames.size() - features.size(), biasColumn).length);
        }
        int base = inputNames.size() - features.size();
        List<String> names = new ArrayList<>(inputNames.subList(0, base));
        for (InputFeature f : list) {
            names.add(xy.length == 2 ? f.formula(inputNames.get(xy[0]), inputNames.get(xy[1])) : f.formula());
        }
        return new Dataset(names, targetNames, derive(inputs, base, xy, list), targets, labels,
                derive(probes, base, xy, list), probeLabels, biasColumn, list);
    }

    /** @return each row's first {@code base} values followed by {@code list}'s values of its columns {@code xy} */
    private static double[][] derive(double[][] rows, int base, int[] xy, List<InputFeature> list) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = java.util.Arrays.copyOf(rows[r], base + list.size());
            for (int k = 0; k < list.size(); k++) {
                out[r][base + k] = list.get(k).value(rows[r][xy[0]], rows[r][xy[1]]);
            }
        }
        return out;
    }

    /**
     * @return the network's input for a point whose inputs {@code x1, x2} are {@code (x, y)}: the bias column 1, the
     *         derived inputs computed, every other column 0
     * @throws IllegalStateException if the data set has not two inputs
     */
    public double[] inputAt(double x, double y) {
        int[] xy = featureBase();
        if (xy.length != 2) {
            throw new IllegalStateException("this data set has no plane of two inputs");
        }
        double[] in = new double[inputNames.size()];
        if (biasColumn >= 0) {
            in[biasColumn] = 1;
        }
        in[xy[0]] = x;
        in[xy[1]] = y;
        int base = inputNames.size() - features.size();
        for (int k = 0; k < features.size(); k++) {
            in[base + k] = features.get(k).value(x, y);
        }
        return in;
    }

    /** @return rows of the full input width with their derived columns computed from their other columns */
    private double[][] withDerived(double[][] rows) {
        if (features.isEmpty() || rows == null) {
            return rows;
        }
        double[][] out = rows.clone();
        int base = inputNames.size() - features.size();
        for (int r = 0; r < out.length; r++) {
            if (out[r] != null && out[r].length == inputNames.size()) { // another width is refused by the constructor
                out[r] = derive(new double[][] {out[r]}, base, featureBase(), features)[0];
            }
        }
        return out;
    }

    /**
     * @return a copy with one input changed (and the derived inputs of that sample computed again)
     * @throws IllegalArgumentException if {@code column} is a derived input, which only follows its formula
     */
    public Dataset withInput(int sample, int column, double value) {
        if (isDerived(column)) {
            int[] xy = featureBase();
            throw new IllegalArgumentException(inputNames.get(column) + " is a derived input, computed from "
                    + inputNames.get(xy[0]) + " and " + inputNames.get(xy[1]) + ": change one of those instead");
        }
        double[][] x = deepCopy(inputs);
        x[sample][column] = value;
        return new Dataset(inputNames, targetNames, withDerived(x), targets, labels, probes, probeLabels, biasColumn,
                features);
    }

    /** @return a copy with one target changed */
    public Dataset withTarget(int sample, int column, double value) {
        double[][] y = deepCopy(targets);
        y[sample][column] = value;
        return new Dataset(inputNames, targetNames, inputs, y, labels, probes, probeLabels, biasColumn, features);
    }

    /**
     * @return a copy with other samples (and labels, or an empty list), keeping names and probes; rows of the full
     *         input width, whose derived inputs are computed again from their other inputs
     */
    public Dataset withSamples(double[][] x, double[][] y, List<String> newLabels) {
        return new Dataset(inputNames, targetNames, withDerived(x), y, newLabels, probes, probeLabels, biasColumn,
                features);
    }

    /** @return a copy with other probes (their derived inputs computed again) */
    public Dataset withProbes(double[][] p, List<String> newLabels) {
        return new Dataset(inputNames, targetNames, inputs, targets, labels, withDerived(p), newLabels, biasColumn,
                features);
    }
}
