package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks backpropagation against central finite differences on the batch of the next iteration.
 *
 * <p>For every weight and bias {@code θ}: {@code ĝ = (L(θ + h) − L(θ − h)) / 2h}, first with
 * {@code h = h₀ = 1e-5 · max(1, |θ|)}, compared with the backprop gradient {@code g} by the relative error
 * {@code |g − ĝ| / max(|g| + |ĝ|, 1e-4 · h₀/h)}; at or below {@link #TOLERANCE} the parameter passes. The
 * floor keeps the rounding noise of the difference quotient itself (about {@code 1e-11} at {@code h₀})
 * from counting as an error when both gradients are nearly zero; that noise grows as {@code 1/h}, and so
 * does the floor at the smaller steps below (at {@code h₀} it is {@code 1e-4}).
 *
 * <p><b>Kinks.</b> ReLU and leaky ReLU have a kink at {@code z = 0}: the loss has one slope on each side,
 * and backprop gives the slope of the side {@code z} is on. If the forward pass at {@code θ + h} or
 * {@code θ − h} puts any ReLU or leaky-ReLU pre-activation {@code z^l_j} of any sample of the batch on the
 * other side of 0 than at {@code θ} ({@code z > 0} against {@code z ≤ 0}), {@code ĝ} mixes two slopes and is
 * not comparable with {@code g}. The check then divides {@code h} by 10 and measures again, down to
 * {@code h = }{@link #MIN_STEP}{@code · max(1, |θ|)}: the first step that crosses no kink decides
 * {@link Status#PASS} or {@link Status#FAIL}; if even the smallest step crosses one the parameter is
 * {@link Status#KINK}, "at a kink: not comparable", naming the sample and the neuron. Only a comparable
 * quotient that disagrees is a {@link Status#FAIL}.
 *
 * <p><b>Cost.</b> Each parameter costs two evaluations of the loss on the batch ({@code θ ± h}), and up to
 * eight on a network with ReLU or leaky-ReLU layers (three smaller steps at a kink), so checking all {@code P}
 * parameters grows as {@code P² · batch}. The check is bounded to
 * {@link WorkLimits#gradientCheckEvaluations} evaluations (the work of
 * {@value WorkLimits#GRADIENT_CHECK_PASSES} passes at the {@link WorkLimits} bounds): when all parameters
 * would need more, it checks a sample of {@code m = ⌊evaluations / (2 or 8)⌋} of them, evenly spaced through
 * the list {@code W¹, b¹, W², b², …} in order (parameter {@code ⌊(i + ½) · P / m⌋} for {@code i = 0..m−1}),
 * so that every layer is sampled in proportion to its size; {@link Result#isSample()} says so. A
 * {@link Progress} hears of every parameter checked and can stop the check between two evaluations.
 */
public final class GradientCheck {
    /** Relative errors at or below this pass. */
    public static final double TOLERANCE = 1e-6;
    /** The first difference step, relative to the parameter: {@code h = STEP · max(1, |θ|)}. */
    public static final double STEP = 1e-5;
    /**
     * The smallest step tried at a kink, relative to the parameter; each retry divides {@code h} by 10. At
     * this step the rounding noise of the quotient is about {@code 1e-8}, a thousand times that at the first.
     */
    public static final double MIN_STEP = 1e-8;
    static final double FLOOR = 1e-4;

    private GradientCheck() {
    }

    /** How a parameter's two gradients compare, in the order {@link Result#entries()} lists them. */
    public enum Status {
        /** A difference step that crosses no kink disagrees with backprop by more than {@link #TOLERANCE}. */
        FAIL,
        /** Every step down to {@link #MIN_STEP} crosses a ReLU kink: not comparable. */
        KINK,
        /** The relative error is at most {@link #TOLERANCE}. */
        PASS
    }

    /**
     * A ReLU or leaky-ReLU pre-activation that a difference step put on the other side of 0.
     *
     * @param sample the data-set row of the sample, counted from 0
     * @param layer  weight layer {@code l} of the neuron, 1..L
     * @param neuron {@code j}, counted from 0
     * @param step   the step {@code h} of the crossing
     * @param count  how many pre-activations (neurons × samples, at {@code θ + h} and {@code θ − h}) changed
     *               side at that step; this one is the first of them
     */
    public record Kink(int sample, int layer, int neuron, double step, int count) {
        Kink andOneMore() {
            return new Kink(sample, layer, neuron, step, count + 1);
        }

        /** @return the pre-activation, e.g. {@code "z2[3]"} (counted from 0, like {@link Entry#name()}) */
        public String preActivationName() {
            return "z" + layer + "[" + neuron + "]";
        }
    }

    /**
     * One parameter's check.
     *
     * @param layer         weight layer {@code l}, 1..L
     * @param from          neuron of layer {@code l−1}, or −1 for the bias
     * @param to            neuron of layer {@code l}
     * @param backprop      {@code g}, from backpropagation
     * @param numeric       {@code ĝ}, from central differences with step {@code step}
     * @param relativeError {@code |g − ĝ| / max(|g| + |ĝ|, 1e-4 · h₀/h)} ({@code 1e-4} at the first step)
     * @param step          the step {@code h} of {@code numeric}: the first one, a smaller one that crossed no
     *                      kink, or (for {@link Status#KINK}) the smallest one tried
     * @param kink          the crossing at the smallest step that crossed one (for {@link Status#KINK}, at
     *                      {@code step}; otherwise the reason the first step was not used), or null if the
     *                      first step crossed none
     * @param status        PASS, FAIL or KINK
     */
    public record Entry(int layer, int from, int to, double backprop, double numeric, double relativeError,
                        double step, Kink kink, Status status) {
        public boolean isBias() {
            return from < 0;
        }

        /** @return whether the status is {@link Status#PASS} */
        public boolean passes() {
            return status == Status.PASS;
        }

        /** @return whether {@code ĝ} was measured without crossing a kink, so its error means something */
        public boolean isComparable() {
            return status != Status.KINK;
        }

        /** @return e.g. {@code "W1[0][2]"} or {@code "b2[0]"} */
        public String name() {
            return isBias() ? "b" + layer + "[" + to + "]" : "W" + layer + "[" + from + "][" + to + "]";
        }
    }

    /**
     * @param entries    every weight and bias checked: failures first, then kinks, then passes, each largest
     *                   relative error first
     * @param parameters how many weights and biases the network has: {@code entries.size()}, or more when the
     *                   check was bounded to a sample
     */
    public record Result(List<Entry> entries, long parameters) {
        /** @return whether only a sample of the parameters was checked (see the class comment) */
        public boolean isSample() {
            return entries.size() < parameters;
        }

        /** @return the largest relative error of a comparable parameter (0 if there is none) */
        public double maxRelativeError() {
            Entry w = worst();
            return w == null ? 0.0 : w.relativeError();
        }

        /** @return the comparable parameter with the largest relative error, or null if there is none */
        public Entry worst() {
            return entries.stream().filter(Entry::isComparable)
                    .max(Comparator.comparingDouble(Entry::relativeError)).orElse(null);
        }

        /** @return how many parameters have status {@code s} */
        public long count(Status s) {
            return entries.stream().filter(e -> e.status() == s).count();
        }

        /** @return whether no parameter fails (parameters at a kink are not failures) */
        public boolean passes() {
            return count(Status.FAIL) == 0;
        }
    }

    /** Checks the parameters of the trainer's network (all, or a sample: see the class comment); the trainer is not changed. */
    public static Result run(Trainer trainer) {
        return run(trainer, Progress.NONE);
    }

    /**
     * {@link #run(Trainer)}, telling {@code progress} of every parameter checked.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} asks to stop (the trainer is not
     *                                                    changed either way)
     */
    public static Result run(Trainer trainer, Progress progress) {
        Network net = trainer.network().copy();
        Workspace w = trainer.previewWorkspace(net);
        return run(net, w, trainer.config().loss(), trainer.config().regularization(), progress,
                evaluations(net, w.rows));
    }

    /** @return the most loss evaluations a check of {@code net} on a batch of {@code batch} samples may run */
    static long evaluations(Network net, int batch) {
        return WorkLimits.gradientCheckEvaluations(net.parameterCount(), WorkLimits.activationsPerSample(net.specs()),
                batch);
    }

    /** Checks every parameter of {@code net} (see {@link #run(Network, Workspace, Loss, Progress, long)}). */
    static Result run(Network net, Workspace w, Loss loss) {
        return run(net, w, loss, Progress.NONE, Long.MAX_VALUE);
    }

    /**
     * Checks the parameters of {@code net} against the gradients in {@code w}, which has run forward, loss and
     * backward on {@code net}: all of them if {@code evaluations} allows, else an evenly spaced sample (see the
     * class comment). {@code net} is restored to its values afterwards, also when cancelled.
     *
     * @param evaluations the most loss evaluations to run
     * @throws java.util.concurrent.CancellationException if {@code progress} asks to stop
     */
    static Result run(Network net, Workspace w, Loss loss, Progress progress, long evaluations) {
        return run(net, w, loss, Regularization.NONE, progress, evaluations);
    }

    /**
     * {@link #run(Network, Workspace, Loss, Progress, long)} for the loss {@code L = L_data + Ω(W)} of
     * {@code penalty}, whose gradient {@code w} holds.
     */
    static Result run(Network net, Workspace w, Loss loss, Regularization penalty, Progress progress,
                      long evaluations) {
        long total = net.parameterCount();
        long checked = sampleSize(net, total, evaluations);
        GradientCheckSides sides = new GradientCheckSides(net, w);
        List<Entry> entries = new ArrayList<>();
        Sample sample = new Sample(total, checked, progress);
        progress.advanced(0, checked);
        for (int l = 1; l <= net.depth(); l++) {
            Layer layer = net.layer(l);
            double[][] wd = layer.weightData();
            double[][] g = Kernels.copy(w.gradW[l]);
            Probe p = new Probe(net, w, loss, penalty, sides, l, sample);
            for (int i = 0; i < wd.length; i++) {
                for (int j = 0; j < wd[i].length; j++) {
                    if (sample.takesNext()) {
                        entries.add(check(p, wd[i], j, i, g[i][j]));
                        sample.done(entries.size());
                    }
                }
            }
            double[] b = layer.biasData();
            if (b != null) {
                double[] gb = w.gradB[l].clone();
                for (int j = 0; j < b.length; j++) {
                    if (sample.takesNext()) {
                        entries.add(check(p, b, j, -1, gb[j]));
                        sample.done(entries.size());
                    }
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::status)
                .thenComparing(Comparator.comparingDouble(Entry::relativeError).reversed()));
        return new Result(List.copyOf(entries), total);
    }

    /**
     * @return how many of the {@code total} parameters {@code evaluations} pays for: 2 evaluations each, 8 on a
     *         network with a kink (at least 1, at most all)
     */
    static long sampleSize(Network net, long total, long evaluations) {
        boolean kinks = net.layers().stream().anyMatch(l -> GradientCheckSides.hasKink(l.activation()));
        long each = kinks ? 8 : 2;
        return Math.max(1, Math.min(total, evaluations / each));
    }

    /**
     * Walks the parameters in order and takes parameter {@code ⌊(i + ½) · total / m⌋} for {@code i = 0..m−1};
     * tells {@code progress} of each one done and asks it before every evaluation whether to go on.
     */
    private static final class Sample {
        private final long total;
        private final long m;
        private final Progress progress;
        private long index = -1;
        private long taken;
        private long done;

        Sample(long total, long m, Progress progress) {
            this.total = total;
            this.m = m;
            this.progress = progress;
        }

        /** @return whether the next parameter in order is checked */
        boolean takesNext() {
            index++;
            if (taken >= m || index != (2 * taken + 1) * total / (2 * m)) {
                return false;
            }
            taken++;
            return true;
        }

        void done(long count) {
            done = count;
            progress.advanced(count, m);
        }

        /** @throws java.util.concurrent.CancellationException if the progress asks to stop */
        void goOn() {
            if (progress.isCancelled()) {
                throw new java.util.concurrent.CancellationException(String.format(java.util.Locale.ROOT,
                        "gradient check stopped after %,d of %,d parameters", done, m));
            }
        }
    }

    /** The network, its batch and the sides at {@code θ}, for a parameter of layer {@code layer}. */
    private record Probe(Network net, Workspace w, Loss loss, Regularization penalty, GradientCheckSides sides, int layer,
                         Sample sample) {
    }

    /**
     * {@code ĝ} of {@code θ = params[k]} at the first step that crosses no kink, or at the smallest step.
     *
     * @param from the weight's row (neuron of layer {@code l−1}), or −1 for a bias; {@code k} is the neuron
     */
    private static Entry check(Probe p, double[] params, int k, int from, double g) {
        double scale = Math.max(1.0, Math.abs(params[k]));
        double h = STEP * scale;
        Kink seen = null;
        while (true) {
            Quotient q = quotient(p, params, k, h);
            boolean smallest = h / 10 < MIN_STEP * scale * (1 - 1e-9); // a tenth of h is below the floor
            if (q.kink() == null || smallest) {
                boolean kink = q.kink() != null;
                double err = relativeError(g, q.value(), FLOOR * STEP * scale / h);
                Status s = kink ? Status.KINK : err <= TOLERANCE ? Status.PASS : Status.FAIL;
                return new Entry(p.layer(), from, k, g, q.value(), err, h, kink ? q.kink() : seen, s);
            }
            seen = q.kink();
            h /= 10;
        }
    }

    /** {@code |g − ĝ| / max(|g| + |ĝ|, floor)}, or infinity if it is not a number. */
    private static double relativeError(double g, double n, double floor) {
        double err = Math.abs(g - n) / Math.max(Math.abs(g) + Math.abs(n), floor);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    /** A difference quotient and the first kink its two steps crossed (null if none). */
    private record Quotient(double value, Kink kink) {
    }

    /**
     * {@code (L(θ + h) − L(θ − h)) / 2h} for {@code θ = params[k]}, restoring it afterwards (also when the
     * progress asks to stop between the two evaluations).
     */
    private static Quotient quotient(Probe p, double[] params, int k, double h) {
        double theta = params[k];
        try {
            p.sample().goOn();
            params[k] = theta + h;
            double plus = lossOf(p);
            Kink kink = p.sides().compare(p.w(), p.layer(), h, null);
            p.sample().goOn();
            params[k] = theta - h;
            double minus = lossOf(p);
            kink = p.sides().compare(p.w(), p.layer(), h, kink);
            return new Quotient((plus - minus) / (2 * h), kink);
        } finally {
            params[k] = theta;
        }
    }

    private static double lossOf(Probe p) {
        for (int l = 1; l <= p.net().depth(); l++) {
            p.w().forward(p.net().layer(l), l);
        }
        return p.w().loss(p.loss(), p.penalty(), p.net());
    }
}
