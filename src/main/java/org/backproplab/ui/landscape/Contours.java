package org.backproplab.ui.landscape;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of equal loss through a grid of values, by marching squares: in each square of four neighbouring grid
 * points, where {@code v − level} changes sign along an edge the crossing is interpolated linearly, and the
 * crossings are joined in pairs.
 */
final class Contours {
    private Contours() {
    }

    /**
     * @param v     {@code v[i][j]}, the grid
     * @param level the value the line follows
     * @return segments {@code {i1, j1, i2, j2}} in grid units (fractional indices)
     */
    static List<double[]> at(double[][] v, double level) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < v.length; i++) {
            for (int j = 0; j + 1 < v[i].length; j++) {
                double[] corner = {v[i][j] - level, v[i + 1][j] - level, v[i + 1][j + 1] - level, v[i][j + 1] - level};
                double[][] square = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
                List<double[]> cross = new ArrayList<>(4);
                for (int e = 0; e < 4; e++) {
                    double a = corner[e];
                    double b = corner[(e + 1) % 4];
                    if (Double.isFinite(a) && Double.isFinite(b) && (a > 0) != (b > 0)) {
                        double t = a / (a - b);
                        double[] p = square[e];
                        double[] q = square[(e + 1) % 4];
                        cross.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
                    }
                }
                for (int k = 0; k + 1 < cross.size(); k += 2) {
                    out.add(new double[] {cross.get(k)[0], cross.get(k)[1], cross.get(k + 1)[0], cross.get(k + 1)[1]});
                }
            }
        }
        return out;
    }
}
