package org.backproplab.ui.boundary;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Accuracy;
import org.backproplab.engine.Network;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;
import org.backproplab.ui.boundary.HeatmapModel.Plane;

/**
 * The plane coloured by predicted class, for a network with several outputs: at every cell centre the network's
 * forward pass ({@link Network#predict}) and the class of its largest output ({@link Accuracy#predicted}); the
 * value of a cell is that output (how sure the network is), and the boundary runs along the cell edges where
 * the class changes. Pure and thread-safe, like {@link HeatmapModel}.
 */
public final class ClassMap {
    private ClassMap() {
    }

    /** @return true if the plane of {@code net} should be coloured by class: two or more outputs */
    public static boolean applies(Network net) {
        return net.outputSize() >= 2;
    }

    /**
     * @return a heatmap whose {@link Heatmap#classes()} are the predicted classes and whose values the largest
     *         output, from 0 to 1 around 0.5
     */
    public static Heatmap compute(Network net, Plane plane, int cells) {
        double[][] x = new double[cells * cells][];
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                x[r * cells + c] = plane.input(plane.cellX(c, cells), plane.cellY(r, cells));
            }
        }
        RealMatrix out = net.predict(MatrixUtils.createRealMatrix(x));
        int[] classes = new int[x.length];
        double[] sure = new double[x.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double[] yHat = out.getRow(i);
            classes[i] = Accuracy.predicted(yHat);
            sure[i] = yHat[classes[i]];
            min = Math.min(min, sure[i]);
            max = Math.max(max, sure[i]);
        }
        return new Heatmap(plane, cells, new NeuronRef(net.depth(), 0), net.layer(net.depth()).activation(), true,
                sure, min, max, 0.5, 0.5, 0.5, edges(classes, cells, plane), classes);
    }

    /** @return the cell edges between neighbours of different classes, as segments in data coordinates */
    static List<double[]> edges(int[] classes, int cells, Plane p) {
        double w = (p.xMax() - p.xMin()) / cells;
        double h = (p.yMax() - p.yMin()) / cells;
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                int k = classes[r * cells + c];
                double x0 = p.xMin() + c * w;
                double yTop = p.yMax() - r * h;
                if (c + 1 < cells && classes[r * cells + c + 1] != k) {
                    out.add(new double[] {x0 + w, yTop, x0 + w, yTop - h});
                }
                if (r + 1 < cells && classes[(r + 1) * cells + c] != k) {
                    out.add(new double[] {x0, yTop - h, x0 + w, yTop - h});
                }
            }
        }
        return out;
    }
}
