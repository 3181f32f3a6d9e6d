package org.backproplab.ui.graph;

/**
 * Where the picture of the inputs and the first hidden layer go when the inputs are an image (digits, MNIST): the
 * picture on the left, {@code rows × cols} squares of {@link #cell} whole pixels (so that each input is one
 * square, drawn crisp), the {@code +1} of the first layer's biases under it; the first layer as a grid of squares,
 * as many rows as give each neuron the largest square (its weight picture is drawn inside it), the {@code +1} of
 * the second layer's biases under it. The columns of the later layers stay where {@link GraphLayout} put them.
 */
final class ImageLayout {
    /** Left and top edge of the picture, in whole pixels. */
    final long pictureX;
    final long pictureY;
    /** The side of one input's square, whole pixels. */
    final int cell;
    final int rows;
    final int cols;
    /** Centre of each first-layer neuron. */
    final double[] neuronX;
    final double[] neuronY;
    /** Radius of the first layer's neurons (half the side of their square). */
    final double r;
    /** The grid of the first layer: rows and columns of neurons. */
    final int gridRows;
    final int gridCols;
    /** Where the {@code +1} of layer 1 (under the picture) and of layer 2 (under the grid) go. */
    final double bias1X;
    final double bias1Y;
    final double bias2X;
    final double bias2Y;

    /**
     * @param g       the layout of the whole network (its columns 0 and 1 are replaced here)
     * @param rows    the image's rows
     * @param cols    the image's columns
     * @param neurons the first layer's size
     */
    ImageLayout(GraphLayout g, int rows, int cols, int neurons) {
        this.rows = rows;
        this.cols = cols;
        double left = 12;
        // up to just short of the next column: the grid's pictures get the room the edges to it do not need
        double right = g.columnX[2] - Math.max(2.2 * g.font, 0.18 * (g.columnX[2] - g.columnX[1]));
        double top = g.top - 0.6 * g.font;
        double bottom = g.bottom;
        double biasRow = 2.6 * g.font;
        double width = right - left;
        double side = Math.min(bottom - top - biasRow, 0.3 * width);
        double gap = Math.max(2 * g.font, 0.06 * width);
        double gridLeft = left + side + gap;
        double gridWidth = right - gridLeft;
        double gridHeight = bottom - top - biasRow;
        int bestRows = 1;
        double best = 0;
        for (int k = 1; k <= neurons; k++) {
            int c = (neurons + k - 1) / k;
            double size = Math.min(gridWidth / c, gridHeight / k);
            if (size > best) {
                best = size;
                bestRows = k;
            }
        }
        gridRows = bestRows;
        gridCols = (neurons + bestRows - 1) / bestRows;
        r = 0.47 * best;
        neuronX = new double[neurons];
        neuronY = new double[neurons];
        double gx = gridLeft + (gridWidth - gridCols * best) / 2;
        double gy = top + (gridHeight - gridRows * best) / 2;
        for (int j = 0; j < neurons; j++) {
            neuronX[j] = gx + (j % gridCols + 0.5) * best;
            neuronY[j] = gy + (j / gridCols + 0.5) * best;
        }
        cell = Math.max(1, (int) Math.floor(Math.max(side, 1) / Math.max(rows, cols)));
        pictureX = Math.round(left + (side - cell * cols) / 2);
        pictureY = Math.round(top + (gridHeight - cell * rows) / 2);
        bias1X = pictureX + cell * cols / 2.0;
        bias1Y = pictureY + cell * rows + biasRow / 2;
        bias2X = gx + gridCols * best / 2;
        bias2Y = gy + gridRows * best + biasRow / 2;
    }

    /** @return the right edge of the picture */
    double pictureRight() {
        return pictureX + (double) cell * cols;
    }

    /** @return the bottom edge of the picture */
    double pictureBottom() {
        return pictureY + (double) cell * rows;
    }
}
