package org.backproplab.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.backproplab.engine.Activation;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;

/**
 * One whole iteration written out for a handout: the inputs, {@code z}, {@code a}, the loss, {@code δ},
 * {@code ∂L/∂W}, {@code ΔW} and the new weights, each with its formula, as Markdown, as LaTeX (a complete
 * amsmath document) or as CSV (long format {@code quantity,layer,row,column,value}). Every number is a number
 * the engine computed: they come from a complete {@link IterationTrace} and the networks before and after it.
 *
 * <p>Number formats: CSV writes {@link Double#toString(double)} (the shortest decimal that reads back to the
 * same double, so it is exact); Markdown and LaTeX write 6 significant digits ({@link #format(double)}).
 * Rows and columns are numbered from 1 as on screen; layers as in the glossary (0 is the input layer).
 */
public final class WorkedExample {
    /** Significant digits of the numbers in Markdown and LaTeX. */
    public static final int DIGITS = 6;

    /** What a matrix's rows and columns stand for, for the table headers. */
    enum Axis { SAMPLE, NEURON, ONE }

    /** One named matrix (vectors are one row) with its symbol in each format. */
    record Block(String csvName, String text, String tex, int layer, double[][] values, Axis rows, Axis columns,
                 int[] sampleRows) {
    }

    /**
     * A heading, a sentence of explanation (ASCII, may be empty), the formulas it applies (plain text with
     * Unicode, and LaTeX), and its numbers.
     */
    record Section(String title, String note, List<String> formulas, List<String> texFormulas, List<Block> blocks) {
    }

    private final String title;
    private final List<Section> sections;

    private WorkedExample(String title, List<Section> sections) {
        this.title = title;
        this.sections = List.copyOf(sections);
    }

    /**
     * @param title  what the document is about, e.g. {@code "xor, iteration 12"}
     * @param before the weights and biases the iteration started from
     * @param trace  the iteration, with every phase run
     * @param after  the weights and biases after its update
     * @param config the configuration it ran with (loss, η, μ)
     * @throws IllegalArgumentException if the trace is incomplete or the networks do not match it
     */
    public static WorkedExample of(String title, Network before, IterationTrace trace, Network after,
                                   TrainingConfig config) {
        if (trace == null || !trace.isComplete()) {
            throw new IllegalArgumentException("a worked example needs a complete iteration, but "
                    + (trace == null ? "none has run" : "only " + trace.phasesDone() + " of "
                    + (2 * trace.depth() + 2) + " phases have run"));
        }
        if (!before.sameShape(after) || before.depth() != trace.depth()) {
            throw new IllegalArgumentException("the weights before and after do not match the iteration: "
                    + before.depth() + " and " + after.depth() + " layers, the iteration has " + trace.depth());
        }
        return new WorkedExample(title, new WorkedExampleModel(before, trace, after, config).sections());
    }

    /**
     * Runs one whole iteration on {@code trainer} (a copy: it is changed) and writes it out.
     *
     * @throws IllegalArgumentException if the trainer is in the middle of an iteration
     */
    public static WorkedExample nextIteration(String name, Trainer trainer) {
        if (trainer.phaseIndex() != 0) {
            throw new IllegalArgumentException("the trainer is in the middle of iteration " + (trainer.iteration() + 1)
                    + ": restore it to the start of an iteration first");
        }
        Network before = trainer.network().copy();
        TrainingConfig config = trainer.config();
        trainer.step();
        IterationTrace t = trainer.trace();
        return of(name + ", iteration " + t.iteration(), before, t, trainer.network().copy(), config);
    }

    /** @return the title, e.g. {@code "xor, iteration 12"} */
    public String title() {
        return title;
    }

    List<Section> sections() {
        return sections;
    }

    /** @return the example as GitHub-flavoured Markdown: formulas in code spans, numbers in tables */
    public String markdown() {
        return WorkedExampleFormats.markdown(this);
    }

    /** @return the example as a complete LaTeX document (article, amsmath), matrices as {@code bmatrix} */
    public String latex() {
        return WorkedExampleFormats.latex(this);
    }

    /** @return every number in long format: {@code quantity,layer,row,column,value}, exact values */
    public String csv() {
        return WorkedExampleFormats.csv(this);
    }

    /**
     * @return {@code v} with {@value #DIGITS} significant digits, trailing zeros dropped, exponent for very
     *         small or large values; {@code NaN}, {@code Infinity}, {@code -Infinity} spelled out
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(java.util.Locale.ROOT, "%." + DIGITS + "g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (!exponent.isEmpty()) {
            exponent = "e" + Integer.parseInt(exponent.substring(1));
        }
        return mantissa + exponent;
    }

    // ---- helpers shared with the model -----------------------------------------------------------------

    static double[][] rows(RealMatrix m) {
        return m.getData();
    }

    static double[][] row(RealVector v) {
        return new double[][] {v.toArray()};
    }

    static String lossText(Loss loss) {
        return switch (loss) {
            case SSE -> "L = Σ_samples Σ_outputs (y − ŷ)²,   ∂L/∂ŷ = −2(y − ŷ)";
            case MSE -> "L = (1/n) Σ_samples Σ_outputs (ŷ − y)²,   ∂L/∂ŷ = 2(ŷ − y)/n";
            case BCE -> "L = −(1/n) Σ_samples Σ_outputs [y ln ŷ + (1 − y) ln(1 − ŷ)],   ∂L/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ))/n";
            case CROSS_ENTROPY -> "L = −(1/n) Σ_samples Σ_outputs y ln ŷ,   ∂L/∂ŷ = −y/ŷ/n,   with softmax δ = ∂L/∂z = (ŷ − y)/n";
        };
    }

    static String lossTex(Loss loss) {
        return switch (loss) {
            case SSE -> "L = \\sum_{\\text{samples}} \\sum_{\\text{outputs}} (y - \\hat{y})^2, \\qquad "
                    + "\\frac{\\partial L}{\\partial \\hat{y}} = -2(y - \\hat{y})";
            case MSE -> "L = \\frac{1}{n} \\sum_{\\text{samples}} \\sum_{\\text{outputs}} (\\hat{y} - y)^2, \\qquad "
                    + "\\frac{\\partial L}{\\partial \\hat{y}} = \\frac{2(\\hat{y} - y)}{n}";
            case BCE -> "L = -\\frac{1}{n} \\sum_{\\text{samples}} \\sum_{\\text{outputs}} \\bigl[y \\ln \\hat{y} + "
                    + "(1 - y) \\ln(1 - \\hat{y})\\bigr], \\qquad \\frac{\\partial L}{\\partial \\hat{y}} = "
                    + "\\frac{\\hat{y} - y}{n\\,\\hat{y}(1 - \\hat{y})}";
            case CROSS_ENTROPY -> "L = -\\frac{1}{n} \\sum_{\\text{samples}} \\sum_{\\text{outputs}} y \\ln \\hat{y}, \\qquad "
                    + "\\frac{\\partial L}{\\partial \\hat{y}} = -\\frac{y}{n\\,\\hat{y}}, \\qquad "
                    + "\\delta = \\frac{\\partial L}{\\partial z} = \\frac{\\hat{y} - y}{n}";
        };
    }

    static String activationText(Activation f) {
        return switch (f) {
            case SIGMOID -> "σ(z) = 1/(1 + e^(−z)),   σ'(z) = a(1 − a)";
            case TANH -> "tanh(z),   tanh'(z) = 1 − a²";
            case RELU -> "relu(z) = max(0, z),   relu'(z) = 1 if z > 0 else 0";
            case LEAKY_RELU -> "leaky(z) = z if z > 0 else 0.01·z,   leaky'(z) = 1 if z > 0 else 0.01";
            case LINEAR -> "f(z) = z,   f'(z) = 1";
            case SOFTMAX -> "softmax(z)_j = e^(z_j − max z)/Σ_k e^(z_k − max z),   ∂a_j/∂z_i = a_j([i = j] − a_i)";
        };
    }

    static String activationTex(Activation f) {
        return switch (f) {
            case SIGMOID -> "\\sigma(z) = \\frac{1}{1 + e^{-z}}, \\qquad \\sigma'(z) = a(1 - a)";
            case TANH -> "\\tanh(z), \\qquad \\tanh'(z) = 1 - a^2";
            case RELU -> "\\operatorname{relu}(z) = \\max(0, z), \\qquad \\operatorname{relu}'(z) = [z > 0]";
            case LEAKY_RELU -> "f(z) = \\begin{cases} z & z > 0 \\\\ 0.01\\,z & z \\le 0 \\end{cases}, \\qquad "
                    + "f'(z) = \\begin{cases} 1 & z > 0 \\\\ 0.01 & z \\le 0 \\end{cases}";
            case LINEAR -> "f(z) = z, \\qquad f'(z) = 1";
            case SOFTMAX -> "\\operatorname{softmax}(z)_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}, \\qquad "
                    + "\\frac{\\partial a_j}{\\partial z_i} = a_j([i = j] - a_i)";
        };
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
