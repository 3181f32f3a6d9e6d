package org.backproplab.ui.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.data.Dataset;
import org.backproplab.data.InputFeature;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.ui.UiState.NeuronRef;

/**
 * The numbers behind the decision-boundary view, without JavaFX: which two input columns span the plane, a
 * grid of cells over it, the activation of one neuron at every cell centre (a forward pass of the network with
 * the other inputs held at their constant value), and the contour line where that activation crosses its
 * middle level (0.5 for a sigmoid output). Pure and thread-safe: it only reads the network it is given, so
 * it runs on a worker on the snapshot's private copy.
 */
public final class HeatmapModel {
    /** Cells per side of the grid. */
    public static final int CELLS = 120;
    /** Margin around the data, as a fraction of its span on each side. */
    public static final double MARGIN = 0.10;

    private HeatmapModel() {
    }

    /**
     * The input plane of a data set with two varying inputs.
     *
     * @param xColumn    the input column on the horizontal axis
     * @param yColumn    the input column on the vertical axis
     * @param biasColumn the constant-1 column, or −1
     * @param inputSize  the network's input width
     * @param targetMid  the middle of the targets' range (0.5 for 0/1 classes): the contour level of an output
     *                   neuron whose activation has no natural middle
     * @param features   the derived inputs, the last input columns, computed from {@code (x, y)} at every point
     */
    public record Plane(int xColumn, int yColumn, int biasColumn, int inputSize, double xMin, double xMax,
                        double yMin, double yMax, String xName, String yName, double targetMid,
                        List<InputFeature> features) {
        public Plane {
            features = List.copyOf(features);
        }

        /** @return the centre of cell column {@code c} of {@code cells} */
        public double cellX(int c, int cells) {
            return xMin + (c + 0.5) * (xMax - xMin) / cells;
        }

        /** @return the centre of cell row {@code r} of {@code cells}; row 0 is the top ({@code y} largest) */
        public double cellY(int r, int cells) {
            return yMax - (r + 0.5) * (yMax - yMin) / cells;
        }

        /**
         * @return the network's input for the point {@code (x, y)}: the bias column is 1, and each derived input
         *         its formula of {@code (x, y)} (e.g. {@code x1² = x²}), as a sample at that point would have them
         */
        public double[] input(double x, double y) {
            double[] in = new double[inputSize];
            if (biasColumn >= 0) {
                in[biasColumn] = 1;
            }
            in[xColumn] = x;
            in[yColumn] = y;
            int derived = inputSize - features.size();
            for (int k = 0; k < features.size(); k++) {
                in[derived + k] = features.get(k).value(x, y);
            }
            return in;
        }
    }

    /**
     * One neuron's activation over the plane.
     *
     * @param values  {@code cells × cells} activations, row-major, row 0 at the top
     * @param center  the value drawn neutral grey (the activation's middle)
     * @param range   the distance from {@code center} at which the colour is fully saturated
     * @param level   the contour level
     * @param contour line segments {@code {x1, y1, x2, y2}} in data coordinates where the activation crosses
     *                {@code level} (for a class map: the edges between cells of different classes)
     * @param classes for a class map ({@link ClassMap}), the predicted class of every cell, row-major; else null
     */
    public record Heatmap(Plane plane, int cells, NeuronRef neuron, Activation activation, boolean output,
                          double[] values, double min, double max, double center, double range, double level,
                          List<double[]> contour, int[] classes) {
        /** @return true if the plane is coloured by predicted class */
        public boolean isClassMap() {
            return classes != null;
        }

        /** @return the activation at cell row {@code r}, column {@code c} */
        public double value(int r, int c) {
            return values[r * cells + c];
        }
    }

    /** @return the plane of a data set whose inputs are two columns plus at most a constant bias column */
    public static Optional<Plane> plane(Dataset d) {
        int[] cols = varyingColumns(d);
        if (cols.length != 2) {
            return Optional.empty();
        }
        double[] bx = bounds(d, cols[0]);
        double[] by = bounds(d, cols[1]);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < d.size(); s++) {
            lo = Math.min(lo, d.target(s, 0));
            hi = Math.max(hi, d.target(s, 0));
        }
        return Optional.of(new Plane(cols[0], cols[1], d.biasColumn(), d.inputSize(), bx[0], bx[1], by[0], by[1],
                d.inputNames().get(cols[0]), d.inputNames().get(cols[1]), (lo + hi) / 2, d.features()));
    }

    /** @return one sentence saying why a data set has no decision boundary to draw (empty if it has one) */
    public static String whyNoPlane(Dataset d) {
        int n = varyingColumns(d).length;
        if (n == 2) {
            return "";
        }
        String bias = d.biasColumn() >= 0 ? " (not counting the constant bias input " + d.inputNames().get(d.biasColumn()) + ")" : "";
        return "This data set has " + n + (n == 1 ? " input" : " inputs") + bias
                + ", so there is no flat input plane to colour. The decision boundary needs exactly two inputs, "
                + "as in XOR, AND, OR, the circle or the two spirals.";
    }

    /** @return the input columns that span the plane: not the bias column, not a derived input */
    private static int[] varyingColumns(Dataset d) {
        return java.util.stream.IntStream.range(0, d.inputSize()).filter(c -> c != d.biasColumn() && !d.isDerived(c))
                .toArray();
    }

    /** @return {@code {min, max}} of a column over samples and probes, widened by {@link #MARGIN} */
    private static double[] bounds(Dataset d, int col) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < d.size(); s++) {
            lo = Math.min(lo, d.input(s, col));
            hi = Math.max(hi, d.input(s, col));
        }
        for (double[] p : d.probes()) {
            lo = Math.min(lo, p[col]);
            hi = Math.max(hi, p[col]);
        }
        double span = hi - lo;
        double m = span > 0 ? span * MARGIN : 1;
        return new double[] {lo - m, hi + m};
    }

    /**
     * The activation {@code a^l[i]} of one neuron at every cell centre.
     *
     * @param neuron the neuron ({@code layer} 1..L); null means the first output neuron {@code ŷ}
     * @throws IllegalArgumentException if the neuron does not exist in {@code net} or the plane does not fit it
     */
    public static Heatmap compute(Network net, Plane plane, int cells, NeuronRef neuron) {
        NeuronRef n = neuron == null ? new NeuronRef(net.depth(), 0) : neuron;
        if (n.layer() < 1 || n.layer() > net.depth() || n.index() < 0 || n.index() >= net.size(n.layer())) {
            throw new IllegalArgumentException("neuron " + n + " does not exist in this network");
        }
        if (plane.inputSize() != net.inputSize()) {
            throw new IllegalArgumentException("the plane has " + plane.inputSize() + " inputs but the network takes "
                    + net.inputSize());
        }
        double[][][] w = new double[n.layer()][][];
        double[][] b = new double[n.layer()][];
        for (int l = 1; l <= n.layer(); l++) {
            Layer layer = net.layer(l);
            w[l - 1] = layer.weights().getData();
            b[l - 1] = layer.hasBias() ? layer.bias().toArray() : null;
        }
        double[] values = new double[cells * cells];
        double[][] a = new double[cells][];
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                a[c] = plane.input(plane.cellX(c, cells), plane.cellY(r, cells));
            }
            double[] row = forward(net, w, b, a, n);
            System.arraycopy(row, 0, values, r * cells, cells);
        }
        return of(net, plane, cells, n, values);
    }

    /**
     * The heatmap of neuron {@code n} from its activations at the cell centres: its colour middle and range (0.5
     * and 0.5 for a sigmoid, 0 and 1 for tanh, the data's own otherwise) and its contour.
     *
     * @param values {@code cells × cells} activations, row-major, row 0 at the top
     */
    static Heatmap of(Network net, Plane plane, int cells, NeuronRef n, double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        Activation f = net.layer(n.layer()).activation();
        boolean output = n.layer() == net.depth();
        double center = switch (f) {
            case SIGMOID, SOFTMAX -> 0.5;
            case TANH -> 0;
            default -> output ? plane.targetMid() : 0;
        };
        double range = switch (f) {
            case SIGMOID, SOFTMAX -> 0.5;
            case TANH -> 1;
            default -> Math.max(1e-9, Math.max(Math.abs(max - center), Math.abs(min - center)));
        };
        double level = f == Activation.RELU && !output ? 1e-9 : center;
        return new Heatmap(plane, cells, n, f, output, values, min, max, center, range, level,
                contour(values, cells, plane, level), null);
    }

    /**
     * The forward pass of a batch of points up to neuron {@code n}: {@code a^l = f_l(a^{l−1} W^l + b^l)}.
     *
     * @param x one input vector per point
     * @return {@code a^l[n.index]} for each point
     */
    private static double[] forward(Network net, double[][][] w, double[][] b, double[][] x, NeuronRef n) {
        double[][] a = x;
        for (int l = 1; l <= n.layer(); l++) {
            double[][] wl = w[l - 1];
            double[] bl = b[l - 1];
            Activation f = net.layer(l).activation();
            int size = wl[0].length;
            int last = l == n.layer() ? n.index() : -1;
            double[][] next = new double[a.length][];
            for (int p = 0; p < a.length; p++) {
                double[] z = bl == null ? new double[size] : bl.clone();
                double[] ap = a[p];
                for (int i = 0; i < ap.length; i++) {
                    double ai = ap[i];
                    double[] row = wl[i];
                    for (int j = 0; j < size; j++) {
                        z[j] += ai * row[j];
                    }
                }
                if (!f.isElementwise()) {
                    z = f.apply(z);
                } else if (last >= 0) {
                    z[last] = f.value(z[last]);
                } else {
                    for (int j = 0; j < size; j++) {
                        z[j] = f.value(z[j]);
                    }
                }
                next[p] = z;
            }
            a = next;
        }
        double[] out = new double[a.length];
        for (int p = 0; p < a.length; p++) {
            out[p] = a[p][n.index()];
        }
        return out;
    }

    /**
     * Marching squares over the cell centres: where {@code value − level} changes sign along a cell edge, the
     * crossing is interpolated linearly; each square contributes one or two segments.
     */
    static List<double[]> contour(double[] v, int cells, Plane p, double level) {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r + 1 < cells; r++) {
            for (int c = 0; c + 1 < cells; c++) {
                double tl = v[r * cells + c] - level;
                double tr = v[r * cells + c + 1] - level;
                double br = v[(r + 1) * cells + c + 1] - level;
                double bl = v[(r + 1) * cells + c] - level;
                // crossings on the top, right, bottom, left edges as (col, row) in cell units
                double[][] pts = new double[4][];
                int k = 0;
                if (tl > 0 != tr > 0) {
                    pts[k++] = new double[] {c + t(tl, tr), r};
                }
                if (tr > 0 != br > 0) {
                    pts[k++] = new double[] {c + 1, r + t(tr, br)};
                }
                if (br > 0 != bl > 0) {
                    pts[k++] = new double[] {c + 1 - t(br, bl), r + 1};
                }
                if (bl > 0 != tl > 0) {
                    pts[k++] = new double[] {c, r + 1 - t(bl, tl)};
                }
                if (k >= 2) {
                    out.add(segment(pts[0], pts[1], cells, p));
                }
                if (k == 4) {
                    out.add(segment(pts[2], pts[3], cells, p));
                }
            }
        }
        return out;
    }

    /** @return where between two values of opposite sign the zero lies, 0..1 */
    private static double t(double a, double b) {
        double d = a - b;
        return d == 0 || !Double.isFinite(d) ? 0.5 : Math.max(0, Math.min(1, a / d));
    }

    private static double[] segment(double[] a, double[] b, int cells, Plane p) {
        return new double[] {p.cellX(0, cells) + a[0] * (p.xMax() - p.xMin()) / cells,
            p.cellY(0, cells) - a[1] * (p.yMax() - p.yMin()) / cells,
            p.cellX(0, cells) + b[0] * (p.xMax() - p.xMin()) / cells,
            p.cellY(0, cells) - b[1] * (p.yMax() - p.yMin()) / cells};
    }
}
