package org.backproplab.ui.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.engine.Network;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;
import org.backproplab.ui.boundary.HeatmapModel.Plane;

/**
 * What each hidden and output neuron detects: its activation {@code a^l[i]} at every cell centre of a small grid
 * over the input plane, all neurons from one forward pass of the engine ({@link Network#activations}) over the grid.
 * Without JavaFX; pure and thread-safe on the snapshot's private copy of the network.
 */
public final class NeuronMaps {
    /** Cells per side of a neuron's map: a few pixels each inside a neuron's circle. */
    public static final int CELLS = 24;

    private NeuronMaps() {
    }

    /**
     * @return the heatmap of every neuron of layers 1 to L, in layer order, each over {@code cells × cells} cells
     * @throws IllegalArgumentException if the plane does not fit the network
     */
    public static Map<NeuronRef, Heatmap> compute(Network net, Plane plane, int cells) {
        if (plane.inputSize() != net.inputSize()) {
            throw new IllegalArgumentException("the plane has " + plane.inputSize() + " inputs but the network takes "
                    + net.inputSize());
        }
        double[][] grid = new double[cells * cells][];
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                grid[r * cells + c] = plane.input(plane.cellX(c, cells), plane.cellY(r, cells));
            }
        }
        List<RealMatrix> a = net.activations(MatrixUtils.createRealMatrix(grid));
        Map<NeuronRef, Heatmap> maps = new LinkedHashMap<>();
        for (int l = 1; l <= net.depth(); l++) {
            RealMatrix al = a.get(l - 1);
            for (int i = 0; i < net.size(l); i++) {
                NeuronRef n = new NeuronRef(l, i);
                maps.put(n, HeatmapModel.of(net, plane, cells, n, al.getColumn(i)));
            }
        }
        return maps;
    }
}
