package org.backproplab.engine;

import java.util.List;
import java.util.Locale;
import org.backproplab.text.NumberText;

/**
 * How much work a network may ask of a data set: the one bound checked wherever a network meets data (a
 * trainer, a scenario, a file, a CSV import, the architecture editor, a generated or edited data set), before
 * the buffers of a pass are allocated. Each of {@link Network#MAX_PARAMETERS} and the data set's size limit
 * is harmless alone; their product is not (a million parameters on half a million samples wants terabytes).
 *
 * <p>For {@code n} samples and weight layers {@code l = 1..L} of {@code n_l} neurons:
 * <ul>
 *   <li><b>work</b> {@code W = P · n}, where {@code P = Σ_l (n_{l−1} + [bias]) · n_l} is the number of weights
 *       and biases: the multiply-adds of one forward pass over every sample. A training iteration on all of
 *       them does about {@code 3W} (forward {@code a W}, backward {@code δ Wᵀ} and {@code aᵀ δ}). At most
 *       {@value #MAX_WORK}: on the 2-core PC of docs/performance.md one full-batch iteration at the bounds
 *       took at most 0.21 s of CPU time and one evaluation of every sample at most 0.08 s, so one pass stays
 *       well under a second (docs/file-format.md has the figures).</li>
 *   <li><b>activations</b> {@code A = n · Σ_l (n_l + }{@value #ROW_OVERHEAD}{@code )}: the numbers a pass keeps
 *       per sample and layer. The buffers of one pass over every sample hold four of them ({@code z}, {@code a},
 *       {@code δ} and {@code ∂L/∂a}, 8 bytes each), and each sample's row of a layer is an array whose header
 *       and reference cost about {@value #ROW_OVERHEAD} numbers more. At most {@value #MAX_ACTIVATIONS}: the
 *       buffers of one pass stay within about 32 MB (a trainer keeps two or three such sets: the batch, the
 *       training rows, the test rows; a whole session at the bound, with the copies its snapshots show, holds
 *       80–115 MB and runs in a 200 MB heap), and the per-neuron work (an {@code exp} or {@code tanh} for every
 *       activation) stays within the same fraction of a second as {@code W}.</li>
 * </ul>
 * Every preset uses under 1 % of either bound; the digits data set (64-32-10 on 1,797 samples) uses under
 * 1 % of W and 9 % of A, and 784-64-10 on MNIST fits up to {@code 5e8 / 50,890 = 9,825} samples (mini-batches
 * or not: the window evaluates every sample whatever the batch, and a batch is never larger than the data set).
 *
 * <p>The gradient check evaluates the loss on one batch twice per parameter it checks; it is bounded by
 * {@link #gradientCheckEvaluations} to the work of {@value #GRADIENT_CHECK_PASSES} passes at these bounds.
 */
public final class WorkLimits {
    /** The most multiply-adds of one forward pass over every sample: parameters × samples. */
    public static final long MAX_WORK = 500_000_000L;
    /** The most activations of one pass over every sample: samples × Σ (neurons + {@value #ROW_OVERHEAD}) over the weight layers. */
    public static final long MAX_ACTIVATIONS = 1_000_000L;
    /** What a row of a layer costs beyond its numbers (an array's header and reference), counted in numbers. */
    public static final int ROW_OVERHEAD = 3;
    /** A gradient check may do the work of this many forward passes at {@link #MAX_WORK} and {@link #MAX_ACTIVATIONS}. */
    public static final int GRADIENT_CHECK_PASSES = 100;

    private WorkLimits() {
    }

    /** @return {@code P = Σ_l (n_{l−1} + [bias]) · n_l}, the weights and biases of these layers over {@code inputSize} inputs */
    public static long parameters(int inputSize, List<LayerSpec> layers) {
        long p = 0;
        long below = inputSize;
        for (LayerSpec s : layers) {
            p += (below + (s.bias() ? 1 : 0)) * s.size();
            below = s.size();
        }
        return p;
    }

    /** @return {@code Σ_l (n_l + }{@value #ROW_OVERHEAD}{@code )}: the activations one sample costs in one pass */
    public static long activationsPerSample(List<LayerSpec> layers) {
        long a = 0;
        for (LayerSpec s : layers) {
            a += s.size() + ROW_OVERHEAD;
        }
        return a;
    }

    /**
     * @return null if a network of {@code layers} over {@code inputSize} inputs may work on {@code samples}
     *         samples; otherwise why not, e.g. "784-512-10 on 60,000 samples is 2.44e10 multiply-adds per pass
     *         (parameters × samples): at most 5e8 are allowed, so that one pass stays under a second; this network
     *         fits at most 1,228 samples"
     */
    public static String refusal(int inputSize, List<LayerSpec> layers, long samples) {
        return refusal(inputSize, layers, samples, "sample");
    }

    /**
     * {@link #refusal(int, List, long)} for {@code rows} rows of another kind that the network runs on in one pass
     * (the probes).
     *
     * @param row what a row is, e.g. {@code "sample"} or {@code "probe"}
     */
    public static String refusal(int inputSize, List<LayerSpec> layers, long rows, String row) {
        long p = parameters(inputSize, layers);
        long perSample = activationsPerSample(layers);
        double work = (double) p * rows;
        double activations = (double) perSample * rows;
        if (work <= MAX_WORK && activations <= MAX_ACTIVATIONS) {
            return null; // the common case: nothing to write
        }
        long fits = Math.min(MAX_WORK / Math.max(1, p), MAX_ACTIVATIONS / Math.max(1, perSample));
        String on = shape(inputSize, layers) + " on " + count(rows, row);
        String advice = fits < 1 ? "; use a smaller network" : "; this network fits at most " + count(fits, row);
        if (work > MAX_WORK) {
            return on + " is " + big(work, MAX_WORK) + " multiply-adds per pass (parameters × " + row + "s): at most "
                    + big(MAX_WORK) + " are allowed, so that one pass stays under a second" + advice;
        }
        return on + " needs " + big(activations, MAX_ACTIVATIONS) + " activations per pass (" + row + "s × (neurons + "
                + ROW_OVERHEAD + " per layer)): at most " + big(MAX_ACTIVATIONS) + " are allowed, so that the "
                + "buffers of one pass stay within about 32 MB" + advice;
    }

    /**
     * @throws IllegalArgumentException with {@link #refusal}'s message if the network may not work on that many
     *                                  samples
     */
    public static void check(int inputSize, List<LayerSpec> layers, long samples) {
        check(inputSize, layers, samples, "sample");
    }

    /**
     * @param row what a row is, e.g. {@code "sample"} or {@code "probe"}
     * @throws IllegalArgumentException with {@link #refusal(int, List, long, String)}'s message if the network may
     *                                  not run on that many rows in one pass
     */
    public static void check(int inputSize, List<LayerSpec> layers, long rows, String row) {
        String r = refusal(inputSize, layers, rows, row);
        if (r != null) {
            throw new IllegalArgumentException(r);
        }
    }

    /** {@link #check(int, List, long)} for a network. */
    static void check(Network net, long samples) {
        check(net.inputSize(), net.specs(), samples);
    }

    /**
     * The most loss evaluations a gradient check may run on a batch of {@code batch} samples: the work of
     * {@value #GRADIENT_CHECK_PASSES} passes at the bounds,
     * {@code E = ⌊GRADIENT_CHECK_PASSES · min(MAX_WORK / (P · batch), MAX_ACTIVATIONS / (A₁ · batch))⌋},
     * with {@code A₁} the {@link #activationsPerSample}. At least {@value #GRADIENT_CHECK_PASSES} for a network
     * and batch within the bounds.
     */
    public static long gradientCheckEvaluations(long parameters, long activationsPerSample, int batch) {
        double byWork = (double) MAX_WORK / ((double) parameters * batch);
        double byActivations = (double) MAX_ACTIVATIONS / ((double) activationsPerSample * batch);
        return (long) Math.floor(GRADIENT_CHECK_PASSES * Math.min(byWork, byActivations));
    }

    /** @return e.g. {@code "784-512-10"} */
    public static String shape(int inputSize, List<LayerSpec> layers) {
        StringBuilder b = new StringBuilder().append(inputSize);
        for (LayerSpec s : layers) {
            b.append('-').append(s.size());
        }
        return b.toString();
    }

    /** @return e.g. {@code "60,000 samples"}, {@code "1 probe"} */
    private static String count(long n, String row) {
        return String.format(Locale.ROOT, "%,d %s%s", n, row, n == 1 ? "" : "s");
    }

    /** @return e.g. {@code 5e8}, as the window writes large numbers */
    private static String big(double v) {
        return NumberText.format(v, 3);
    }

    /**
     * @return {@code v} (above {@code limit}) as the window writes large numbers, e.g. {@code 2.44e10}: three
     *         significant digits, or as many more as it takes to write it differently from the limit
     *         ({@code 1.00002e6} against {@code 1e6})
     */
    private static String big(double v, long limit) {
        String s = big(v);
        for (int digits = 4; s.equals(big(limit)) && digits <= 17; digits++) {
            s = NumberText.format(v, digits);
        }
        return s;
    }
}
