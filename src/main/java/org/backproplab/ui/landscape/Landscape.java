package org.backproplab.ui.landscape;

/**
 * One computed picture of the loss landscape, ready to draw: immutable (the arrays are never changed once
 * published).
 *
 * @param settings       the plane and range asked for
 * @param iteration      the iteration whose weights {@code θ} are the centre
 * @param loss           {@code loss[i][j] = L(θ + α_i d1 + β_j d2)}, {@code m × m}, {@code α_i} from {@code −r} to
 *                       {@code r} left to right, {@code β_j} bottom to top
 * @param pathAlpha      the path's points' {@code α}, oldest first, the last the centre; empty until computed
 * @param pathBeta       their {@code β}
 * @param pathIterations the iteration of each path point
 * @param offsetAlpha    added to {@code α} on the axis: the weight's value now for a chosen weight, else 0
 * @param offsetBeta     the same for {@code β}
 * @param alphaName      the horizontal axis's title
 * @param betaName       the vertical axis's title
 * @param millis         the time the grid took so far, ms
 * @param finished       true when no finer grid follows
 */
record Landscape(LandscapeSettings settings, long iteration, double[][] loss, double[] pathAlpha, double[] pathBeta,
                 long[] pathIterations, double offsetAlpha, double offsetBeta, String alphaName, String betaName,
                 double millis, boolean finished) {

    /** @return {@code m}, the grid's side */
    int side() {
        return loss.length;
    }

    /** @return {@code α_i} */
    double alpha(int i) {
        return org.backproplab.engine.LossLandscape.coordinate(i, loss.length, settings.range());
    }

    /** @return the loss at the centre, {@code L(θ)}: the loss of the weights on show */
    double centre() {
        int c = (loss.length - 1) / 2;
        return loss[c][c];
    }

    /** @return true once the path is computed */
    boolean hasPath() {
        return pathAlpha.length > 0;
    }
}
