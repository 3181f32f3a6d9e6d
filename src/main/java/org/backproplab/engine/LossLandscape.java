package org.backproplab.engine;

import java.util.concurrent.CancellationException;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The loss over a plane of weight space through the weights {@code θ} of a trainer state:
 * {@code L(α, β) = L(θ + α d1 + β d2)}, the trainer's training loss ({@link Trainer#datasetLoss()}: every training
 * row, the configured loss) with the weights moved {@code α} along direction {@code d1} and {@code β} along
 * {@code d2}. Vectors are in {@link ParameterVector} order. Each point is evaluated in place on a private copy of
 * the network, so nothing is allocated per point. Not thread-safe: one thread owns a landscape.
 */
public final class LossLandscape {
    private final Trainer trainer;
    private final double[] theta;
    private final double[] d1;
    private final double[] d2;
    /** {@code θ + α d1 + β d2}, reused for every point. */
    private final double[] moved;
    /** The Gram matrix {@code [[d1·d1, d1·d2], [d1·d2, d2·d2]]} that {@link #coordinates} solves with. */
    private final double g11;
    private final double g12;
    private final double g22;

    /**
     * @param at the state whose weights are {@code θ}, whose data set and loss are evaluated
     * @param d1 the direction of {@code α}, {@code |θ|} entries
     * @param d2 the direction of {@code β}
     * @throws IllegalArgumentException naming the value if a direction has the wrong length, a non-finite entry, is
     *                                  zero, or the two are parallel (they would not span a plane)
     */
    public LossLandscape(TrainerState at, double[] d1, double[] d2) {
        int n = (int) at.network.parameterCount();
        check("d1", d1, n);
        check("d2", d2, n);
        double a = dot(d1, d1);
        double b = dot(d1, d2);
        double c = dot(d2, d2);
        if (a == 0 || c == 0) {
            throw new IllegalArgumentException("direction " + (a == 0 ? "d1" : "d2") + " is zero: it must move some weight");
        }
        if (a * c - b * b <= 1e-12 * a * c) {
            throw new IllegalArgumentException("directions d1 and d2 are parallel: they must span a plane");
        }
        this.trainer = at.newTrainer();
        this.theta = ParameterVector.of(at.network);
        this.d1 = d1.clone();
        this.d2 = d2.clone();
        this.moved = new double[n];
        this.g11 = a;
        this.g12 = b;
        this.g22 = c;
    }

    private static void check(String name, double[] d, int n) {
        if (d == null || d.length != n) {
            throw new IllegalArgumentException("direction " + name + " has " + (d == null ? 0 : d.length)
                    + " entries: expected " + n + ", one per weight and bias");
        }
        for (int k = 0; k < n; k++) {
            Checks.finite("entry " + k + " of direction " + name, d[k]);
        }
    }

    /**
     * @return {@code L(θ + α d1 + β d2)}, each weight {@code θ_k + α d1_k + β d2_k}, the loss over the training
     *         rows exactly as {@link Trainer#datasetLoss()} computes it for those weights
     */
    public double loss(double alpha, double beta) {
        for (int k = 0; k < moved.length; k++) {
            moved[k] = theta[k] + alpha * d1[k] + beta * d2[k];
        }
        ParameterVector.write(moved, trainer.network());
        return trainer.datasetLoss();
    }

    /**
     * Fills {@code loss[i][j] = L(α_i, β_j)} with {@code α_i = }{@link #coordinate}{@code (i, n, rangeAlpha)} and
     * {@code β_j} alike, {@code n = loss.length}, for the points whose {@code i} and {@code j} are multiples of
     * {@code stride}; with {@code refine} it skips those that are also multiples of {@code 2·stride} (filled by the
     * coarser pass before). Halving the stride from {@code n − 1} to 1 fills the grid coarse to fine.
     *
     * @throws CancellationException if {@code progress} asks to stop (checked after every row); the grid is left
     *                               partly filled
     */
    public void fill(double[][] loss, double rangeAlpha, double rangeBeta, int stride, boolean refine, Progress progress) {
        int n = loss.length;
        for (int i = 0; i < n; i += stride) {
            double alpha = coordinate(i, n, rangeAlpha);
            for (int j = 0; j < n; j += stride) {
                if (!(refine && i % (2 * stride) == 0 && j % (2 * stride) == 0)) {
                    loss[i][j] = loss(alpha, coordinate(j, n, rangeBeta));
                }
            }
            if (progress.isCancelled()) {
                throw new CancellationException("loss landscape cancelled");
            }
            progress.advanced(i + 1L, n);
        }
    }

    /**
     * @return {@code r (2i − (n − 1)) / (n − 1)}: point {@code i} of {@code n} evenly spaced from {@code −r} to
     *         {@code r}; the middle one of an odd {@code n} is exactly 0
     */
    public static double coordinate(int i, int n, double r) {
        return r * (2 * i - (n - 1)) / (n - 1);
    }

    /**
     * @return {@code (α, β)} of the point of the plane nearest to {@code net}'s weights {@code θ'}: the least-squares
     *         solution of {@code α d1 + β d2 ≈ θ' − θ}, i.e. {@code G (α, β)ᵀ = (d1·(θ' − θ), d2·(θ' − θ))ᵀ} with the
     *         Gram matrix {@code G}; exactly {@code (0, 0)} for {@code θ' = θ}, and for unit vectors on two weights
     *         the change of those two weights
     * @throws IllegalArgumentException if {@code net} has another number of parameters
     */
    public double[] coordinates(Network net) {
        double[] t = ParameterVector.of(net);
        if (t.length != theta.length) {
            throw new IllegalArgumentException("the network has " + t.length + " parameters: expected " + theta.length);
        }
        double r1 = 0;
        double r2 = 0;
        for (int k = 0; k < t.length; k++) {
            double delta = t[k] - theta[k];
            r1 += d1[k] * delta;
            r2 += d2[k] * delta;
        }
        double det = g11 * g22 - g12 * g12;
        return new double[] {(g22 * r1 - g12 * r2) / det, (g11 * r2 - g12 * r1) / det};
    }

    /** @return {@code e_k}: 1 at parameter {@code index} ({@link ParameterVector} order), 0 elsewhere */
    public static double[] unit(Network net, int index) {
        Checks.index("parameter", index, (int) net.parameterCount());
        double[] e = new double[(int) net.parameterCount()];
        e[index] = 1;
        return e;
    }

    /**
     * Two random directions normalised per filter (Li et al. 2018, "Visualizing the Loss Landscape of Neural
     * Nets"): each entry drawn from {@code N(0, 1)} by a {@link MersenneTwister} seeded with {@code seed} (all of
     * {@code d1}, then all of {@code d2}), then for every neuron {@code j} of every layer {@code l} its part
     * {@code d_{l,j} = (W^l[·][j], b^l[j])} — the weights into it and its bias — scaled to the norm of the same
     * part of {@code θ}: {@code d_{l,j} ← d_{l,j} · ‖θ_{l,j}‖ / ‖d_{l,j}‖}. A neuron whose weights are all 0 gets
     * 0. So {@code α = 1} moves every neuron as far as its own weights are long, whatever the layer's scale.
     *
     * @return {@code {d1, d2}}
     */
    public static double[][] filterNormalised(Network net, long seed) {
        MersenneTwister rng = new MersenneTwister(seed);
        double[] theta = ParameterVector.of(net);
        double[][] d = new double[2][theta.length];
        for (double[] dir : d) {
            for (int k = 0; k < dir.length; k++) {
                dir[k] = rng.nextGaussian();
            }
            normalisePerFilter(net, theta, dir);
        }
        return d;
    }

    private static void normalisePerFilter(Network net, double[] theta, double[] d) {
        for (int l = 1; l <= net.depth(); l++) {
            Layer layer = net.layer(l);
            for (int j = 0; j < layer.size(); j++) {
                int[] filter = filter(net, l, j);
                double thetaNorm = 0;
                double dNorm = 0;
                for (int k : filter) {
                    thetaNorm += theta[k] * theta[k];
                    dNorm += d[k] * d[k];
                }
                double scale = dNorm == 0 ? 0 : Math.sqrt(thetaNorm) / Math.sqrt(dNorm);
                for (int k : filter) {
                    d[k] *= scale;
                }
            }
        }
    }

    /** @return the indices in {@code θ} of neuron {@code j} of layer {@code l}'s filter: {@code W^l[·][j]}, then {@code b^l[j]} */
    public static int[] filter(Network net, int l, int j) {
        Layer layer = net.layer(l);
        int[] k = new int[layer.inputSize() + (layer.hasBias() ? 1 : 0)];
        for (int i = 0; i < layer.inputSize(); i++) {
            k[i] = ParameterVector.weightIndex(net, l, i, j);
        }
        if (layer.hasBias()) {
            k[layer.inputSize()] = ParameterVector.biasIndex(net, l, j);
        }
        return k;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
