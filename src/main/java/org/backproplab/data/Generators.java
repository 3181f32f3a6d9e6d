package org.backproplab.data;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Generated data sets, each drawn from a {@link MersenneTwister} seeded with {@code seed}, so the same
 * {@code (count, noise, seed)} always gives the same numbers bit for bit. The 2-D classification sets have
 * inputs {@code x1, x2} in about {@code [−1, 1]} and one target {@code y ∈ {0, 1}} ({@link #threeClusters}: three
 * one-hot target columns); {@link #noisySine} is a
 * 1-D and {@link #bowl} a 2-D regression. {@code noise} is the standard deviation of Gaussian noise added to every input (to the
 * target for {@link #noisySine}).
 */
public final class Generators {
    /** The most samples a generator makes (the file format's sample limit). */
    public static final int MAX_COUNT = 1_000_000;

    private Generators() {
    }

    /** Points in a disc of radius 1: {@code y = 1} inside radius 0.5, {@code y = 0} in the ring outside. */
    public static Dataset circle(int count, double noise, long seed) {
        check(count, noise);
        RandomGenerator rng = new MersenneTwister(seed);
        double[][] x = new double[count][];
        double[][] y = new double[count][];
        for (int i = 0; i < count; i++) {
            boolean inside = i % 2 == 0;
            double r = inside ? 0.5 * Math.sqrt(rng.nextDouble()) : 0.6 + 0.4 * rng.nextDouble();
            double angle = 2 * Math.PI * rng.nextDouble();
            x[i] = new double[] {r * Math.cos(angle) + noise * rng.nextGaussian(),
                r * Math.sin(angle) + noise * rng.nextGaussian()};
            y[i] = new double[] {inside ? 1 : 0};
        }
        return Dataset.of(x, y);
    }

    /** Two interleaved spirals of 1.75 turns each, {@code y = 0} and {@code y = 1}, alternating. */
    public static Dataset twoSpirals(int count, double noise, long seed) {
        check(count, noise);
        RandomGenerator rng = new MersenneTwister(seed);
        double[][] x = new double[count][];
        double[][] y = new double[count][];
        int perArm = (count + 1) / 2;
        for (int i = 0; i < count; i++) {
            int arm = i % 2;
            double t = (double) (i / 2) / perArm;
            double r = 0.05 + 0.95 * t;
            double angle = 1.75 * 2 * Math.PI * t + Math.PI * arm;
            x[i] = new double[] {r * Math.cos(angle) + noise * rng.nextGaussian(),
                r * Math.sin(angle) + noise * rng.nextGaussian()};
            y[i] = new double[] {arm};
        }
        return Dataset.of(x, y);
    }

    /**
     * Two Gaussian clusters of standard deviation {@code 0.25 + noise} around {@code (−0.5, −0.5)} ({@code y = 0})
     * and {@code (0.5, 0.5)} ({@code y = 1}), alternating.
     */
    public static Dataset gaussianClusters(int count, double noise, long seed) {
        check(count, noise);
        RandomGenerator rng = new MersenneTwister(seed);
        double sd = 0.25 + noise;
        double[][] x = new double[count][];
        double[][] y = new double[count][];
        for (int i = 0; i < count; i++) {
            int c = i % 2;
            double centre = c == 0 ? -0.5 : 0.5;
            x[i] = new double[] {centre + sd * rng.nextGaussian(), centre + sd * rng.nextGaussian()};
            y[i] = new double[] {c};
        }
        return Dataset.of(x, y);
    }

    /**
     * Three classes: Gaussian clusters of standard deviation {@code 0.2 + noise} around the points at radius 0.6
     * and angles 90°, 210° and 330° ({@code (0, 0.6)}, {@code (−0.52, −0.3)}, {@code (0.52, −0.3)}), taken in turn;
     * one-hot targets {@code A, B, C}.
     */
    public static Dataset threeClusters(int count, double noise, long seed) {
        check(count, noise);
        RandomGenerator rng = new MersenneTwister(seed);
        double sd = 0.2 + noise;
        double[][] x = new double[count][];
        double[][] y = new double[count][3];
        for (int i = 0; i < count; i++) {
            int c = i % 3;
            double angle = Math.toRadians(90 + 120 * c);
            x[i] = new double[] {0.6 * Math.cos(angle) + sd * rng.nextGaussian(), 0.6 * Math.sin(angle) + sd * rng.nextGaussian()};
            y[i][c] = 1.0;
        }
        return new Dataset(List.of("x1", "x2"), List.of("A", "B", "C"), x, y, List.of(), null, List.of(), -1);
    }

    /**
     * Points uniform in {@code [−1, 1]²} (kept at least 0.05 from the axes), {@code y = 1} where
     * {@code x1} and {@code x2} have different signs; the noise moves the inputs after labelling.
     */
    public static Dataset xorQuadrants(int count, double noise, long seed) {
        check(count, noise);
        RandomGenerator rng = new MersenneTwister(seed);
        double[][] x = new double[count][];
        double[][] y = new double[count][];
        for (int i = 0; i < count; i++) {
            double a = awayFromAxis(rng);
            double b = awayFromAxis(rng);
            y[i] = new double[] {(a > 0) != (b > 0) ? 1 : 0};
            x[i] = new double[] {a + noise * rng.nextGaussian(), b + noise * rng.nextGaussian()};
        }
        return Dataset.of(x, y);
    }

    /**
     * A 1-D regression: {@code x} evenly spaced in {@code [−1, 1]} (a single sample sits at −1),
     * {@code y = 0.5 + 0.4·sin(πx) + noise·N(0, 1)}, one full period; without noise the targets lie in
     * {@code [0.1, 0.9]}.
     */
    public static Dataset noisySine(int count, double noise, long seed) {
        check(count, noise);
        RandomGenerator rng = new MersenneTwister(seed);
        double[][] x = new double[count][];
        double[][] y = new double[count][];
        for (int i = 0; i < count; i++) {
            double xi = count == 1 ? -1.0 : -1.0 + 2.0 * i / (count - 1);
            x[i] = new double[] {xi};
            y[i] = new double[] {0.5 + 0.4 * Math.sin(Math.PI * xi) + noise * rng.nextGaussian()};
        }
        return new Dataset(List.of("x"), List.of("y"), x, y, List.of(), null, List.of(), -1);
    }

    /**
     * A 2-D regression: {@code x} uniform in {@code [−1, 1]²}, {@code y = (x1² + x2²)/2 + noise·N(0, 1)};
     * without noise the targets lie in {@code [0, 1]}, so a ReLU output can reach every one of them.
     */
    public static Dataset bowl(int count, double noise, long seed) {
        check(count, noise);
        RandomGenerator rng = new MersenneTwister(seed);
        double[][] x = new double[count][];
        double[][] y = new double[count][];
        for (int i = 0; i < count; i++) {
            double a = 2 * rng.nextDouble() - 1;
            double b = 2 * rng.nextDouble() - 1;
            x[i] = new double[] {a, b};
            y[i] = new double[] {0.5 * (a * a + b * b) + noise * rng.nextGaussian()};
        }
        return Dataset.of(x, y);
    }

    private static double awayFromAxis(RandomGenerator rng) {
        double v = 0.05 + 0.95 * rng.nextDouble();
        return rng.nextBoolean() ? v : -v;
    }

    private static void check(int count, double noise) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("sample count " + count + " is not allowed: expected "
                    + "1.." + MAX_COUNT);
        }
        if (!Double.isFinite(noise) || noise < 0) {
            throw new IllegalArgumentException("noise " + noise + " is not allowed: expected a finite number ≥ 0");
        }
    }
}
