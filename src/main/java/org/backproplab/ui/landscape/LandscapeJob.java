package org.backproplab.ui.landscape;

import java.util.List;
import java.util.function.Consumer;
import org.backproplab.engine.LossLandscape;
import org.backproplab.engine.Network;
import org.backproplab.engine.ParameterVector;
import org.backproplab.engine.Progress;
import org.backproplab.session.RunReplay;

/**
 * Computes a landscape off the FX thread, coarse to fine: the loss on a 9 × 9 grid first, then the path training took,
 * then 17 × 17, 33 × 33 and 65 × 65 (each grid holds the one before, so only the new points are computed), each
 * published as soon as it is done. A finer grid is computed only if, at the time per point measured so far, the grid's
 * total stays within {@link #BUDGET_MS}: a small network gets 65 × 65, a large one stops earlier instead of keeping
 * the class waiting. No JavaFX here.
 */
final class LandscapeJob {
    /** The grid sides, coarse to fine: {@code m_{k+1} = 2 m_k − 1}. */
    static final int[] SIDES = {9, 17, 33, 65};
    /** The most points of the path drawn (evenly spread over the run when it is longer). */
    static final int PATH_POINTS = 200;
    /** The most time the finest grid may take in all, ms (the first grid is always computed). */
    static final double BUDGET_MS = 1500;

    private LandscapeJob() {
    }

    /**
     * @param replay   the run on show; its state on show is the centre {@code θ}
     * @param settings the plane and range (used only if they fit the network, else its defaults)
     * @param progress asks to stop (a newer request, the view closed): then a {@link java.util.concurrent.CancellationException}
     * @param publish  gets each picture, coarse to fine, on this thread
     */
    static void run(RunReplay replay, LandscapeSettings settings, Progress progress, Consumer<Landscape> publish) {
        Network net = replay.current().network();
        LandscapeSettings s = settings.fits(net) ? settings : LandscapeSettings.defaults(net).withRange(settings.range());
        double[][] d = s.directions(net);
        LossLandscape land = new LossLandscape(replay.current(), d[0], d[1]);
        double[] theta = ParameterVector.of(net);
        double offA = s.random() ? 0 : theta[s.first()];
        double offB = s.random() ? 0 : theta[s.second()];
        String nameA = s.random() ? "α: random direction 1 (seed " + s.seed() + ")" : LandscapeSettings.name(net, s.first());
        String nameB = s.random() ? "β: random direction 2 (seed " + s.seed() + ")" : LandscapeSettings.name(net, s.second());
        int n = SIDES[SIDES.length - 1];
        double[][] grid = new double[n][n];
        double[][] path = {new double[0], new double[0]};
        long[] pathIterations = new long[0];
        long gridNanos = 0;
        for (int k = 0; k < SIDES.length; k++) {
            int stride = (n - 1) / (SIDES[k] - 1);
            long t0 = System.nanoTime();
            land.fill(grid, s.range(), s.range(), stride, k > 0, progress);
            gridNanos += System.nanoTime() - t0;
            boolean last = k + 1 == SIDES.length || !fits(gridNanos, SIDES[k], SIDES[k + 1]);
            if (k == 0) {
                publish.accept(new Landscape(s, replay.end(), every(grid, stride), path[0], path[1], pathIterations, offA,
                        offB, nameA, nameB, gridNanos / 1e6, false));
                pathIterations = replay.iterations(PATH_POINTS);
                path = project(land, replay.networksAt(pathIterations, progress));
            }
            publish.accept(new Landscape(s, replay.end(), every(grid, stride), path[0], path[1], pathIterations, offA, offB,
                    nameA, nameB, gridNanos / 1e6, last));
            if (last) {
                return;
            }
        }
    }

    /** @return true if an {@code next × next} grid, at the time per point of the {@code done × done} one, stays in budget */
    static boolean fits(long nanos, int done, int next) {
        double perPoint = nanos / 1e6 / ((double) done * done);
        return perPoint * next * next <= BUDGET_MS;
    }

    /** @return the points of {@code grid} at multiples of {@code stride}, as an {@code m × m} grid of their own */
    private static double[][] every(double[][] grid, int stride) {
        int m = (grid.length - 1) / stride + 1;
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = grid[i * stride][j * stride];
            }
        }
        return out;
    }

    /** @return {@code {α's, β's}} of the networks' weights projected onto the plane */
    private static double[][] project(LossLandscape land, List<Network> nets) {
        double[][] p = new double[2][nets.size()];
        for (int i = 0; i < nets.size(); i++) {
            double[] ab = land.coordinates(nets.get(i));
            p[0][i] = ab[0];
            p[1][i] = ab[1];
        }
        return p;
    }
}
