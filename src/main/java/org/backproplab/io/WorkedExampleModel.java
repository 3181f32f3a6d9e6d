package org.backproplab.io;

import static org.backproplab.io.WorkedExample.list;
import static org.backproplab.io.WorkedExample.row;
import static org.backproplab.io.WorkedExample.rows;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.io.WorkedExample.Axis;
import org.backproplab.io.WorkedExample.Block;
import org.backproplab.io.WorkedExample.Section;

/** Turns one iteration into the sections of a {@link WorkedExample}, in the order the phases run. */
final class WorkedExampleModel {
    private final Network before;
    private final IterationTrace t;
    private final Network after;
    private final TrainingConfig config;
    private final int[] samples;

    WorkedExampleModel(Network before, IterationTrace trace, Network after, TrainingConfig config) {
        this.before = before;
        this.t = trace;
        this.after = after;
        this.config = config;
        this.samples = trace.samples();
    }

    List<Section> sections() {
        List<Section> s = new ArrayList<>();
        s.add(inputs());
        s.add(weights("Weights before the iteration", before, "before", ""));
        for (int l = 1; l <= t.depth(); l++) {
            s.add(forward(l));
        }
        s.add(loss());
        for (int l = t.depth(); l >= 1; l--) {
            s.add(backward(l));
        }
        s.add(update());
        s.add(weights("Weights after the iteration", after, "after", "new "));
        return s;
    }

    private Block batch(String csv, String text, String tex, int layer, double[][] v) {
        return new Block(csv, text, tex, layer, v, Axis.SAMPLE, Axis.NEURON, samples);
    }

    private static Block matrix(String csv, String text, String tex, int layer, double[][] v) {
        return new Block(csv, text, tex, layer, v, Axis.NEURON, Axis.NEURON, null);
    }

    private static Block vector(String csv, String text, String tex, int layer, double[][] v) {
        return new Block(csv, text, tex, layer, v, Axis.ONE, Axis.NEURON, null);
    }

    private Section inputs() {
        int n = samples.length;
        StringBuilder rowsText = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rowsText.append(i == 0 ? "" : ", ").append(samples[i] + 1);
        }
        String batch = "Batch of n = " + n + " sample" + (n == 1 ? "" : "s") + " (data set rows " + rowsText
                + "), one row per sample.";
        return new Section("Inputs and targets", batch, list("a0 = x"), list("a^{0} = x"),
                List.of(batch("x", "x = a0", "x = a^{0}", 0, rows(t.inputs())),
                        batch("y", "y", "y", t.depth(), rows(t.targets()))));
    }

    private Section weights(String title, Network net, String csvSuffix, String prefix) {
        List<Block> blocks = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            Layer layer = net.layer(l);
            blocks.add(matrix("W_" + csvSuffix, prefix + "W" + l, "W^{" + l + "}", l, rows(layer.weights())));
            if (layer.hasBias()) {
                blocks.add(vector("b_" + csvSuffix, prefix + "b" + l, "b^{" + l + "}", l, row(layer.bias())));
            }
        }
        // plain words (no W^l): the note is text in Markdown and in LaTeX alike
        String shape = "Each W has one row per neuron of the layer below (rows i) and one column per neuron of its"
                + " layer (columns j); each b has one entry per neuron of its layer.";
        return new Section(title, shape, List.of(), List.of(), blocks);
    }

    private Section forward(int l) {
        Layer layer = before.layer(l);
        String bias = layer.hasBias() ? " + b" + l : "";
        String biasTex = layer.hasBias() ? " + b^{" + l + "}" : "";
        String f = layer.activation().id();
        return new Section("Forward, layer " + l + " (" + f + ")", "",
                list("z" + l + " = a" + (l - 1) + " · W" + l + bias, "a" + l + " = f(z" + l + ")",
                        WorkedExample.activationText(layer.activation())),
                list("z^{" + l + "} = a^{" + (l - 1) + "} W^{" + l + "}" + biasTex, "a^{" + l + "} = f(z^{" + l + "})",
                        WorkedExample.activationTex(layer.activation())),
                List.of(batch("z", "z" + l, "z^{" + l + "}", l, rows(t.preActivations().get(l))),
                        batch("a", "a" + l + (l == t.depth() ? " = ŷ" : ""),
                                "a^{" + l + "}" + (l == t.depth() ? " = \\hat{y}" : ""), l,
                                rows(t.activations().get(l)))));
    }

    private Section loss() {
        int depth = t.depth();
        double[][] perSample = new double[t.sampleLosses().length][1];
        for (int i = 0; i < perSample.length; i++) {
            perSample[i][0] = t.sampleLosses()[i];
        }
        return new Section("Loss (" + config.loss().id() + ")", "n = " + samples.length
                + " samples in the batch; the loss of one sample is summed over its outputs, then the samples are combined.",
                list(WorkedExample.lossText(config.loss()), "per sample: Σ_outputs ℓ(ŷ, y)"),
                list(WorkedExample.lossTex(config.loss()), "\\ell_{\\text{sample}} = \\sum_{\\text{outputs}} \\ell(\\hat{y}, y)"),
                List.of(new Block("sample_loss", "ℓ per sample", "\\ell_{\\text{sample}}", depth, perSample,
                                Axis.SAMPLE, Axis.ONE, samples),
                        new Block("L", "L", "L", depth, new double[][] {{t.loss()}}, Axis.ONE, Axis.ONE, null),
                        batch("dL_dyhat", "∂L/∂ŷ", "\\frac{\\partial L}{\\partial \\hat{y}}", depth,
                                rows(t.outputGradient()))));
    }

    private Section backward(int l) {
        String delta = l == t.depth()
                ? "δ" + l + " = ∂L/∂ŷ ⊙ f'(z" + l + ")"
                : "δ" + l + " = (δ" + (l + 1) + " · W" + (l + 1) + "ᵀ) ⊙ f'(z" + l + ")";
        String deltaTex = l == t.depth()
                ? "\\delta^{" + l + "} = \\frac{\\partial L}{\\partial \\hat{y}} \\odot f'(z^{" + l + "})"
                : "\\delta^{" + l + "} = \\bigl(\\delta^{" + (l + 1) + "} (W^{" + (l + 1) + "})^{\\mathsf{T}}\\bigr) \\odot f'(z^{" + l + "})";
        List<String> text = list(delta, "∂L/∂W" + l + " = a" + (l - 1) + "ᵀ · δ" + l);
        List<String> tex = list(deltaTex, "\\frac{\\partial L}{\\partial W^{" + l + "}} = (a^{" + (l - 1)
                + "})^{\\mathsf{T}} \\delta^{" + l + "}");
        List<Block> blocks = new ArrayList<>();
        blocks.add(batch("delta", "δ" + l, "\\delta^{" + l + "}", l, rows(t.deltas().get(l))));
        blocks.add(matrix("dL_dW", "∂L/∂W" + l, "\\frac{\\partial L}{\\partial W^{" + l + "}}", l,
                rows(t.weightGradients().get(l))));
        if (t.biasGradients().get(l) != null) {
            text.add("∂L/∂b" + l + " = Σ_samples δ" + l);
            tex.add("\\frac{\\partial L}{\\partial b^{" + l + "}} = \\sum_{\\text{samples}} \\delta^{" + l + "}");
            blocks.add(vector("dL_db", "∂L/∂b" + l, "\\frac{\\partial L}{\\partial b^{" + l + "}}", l,
                    row(t.biasGradients().get(l))));
        }
        return new Section("Backward, layer " + l, "", text, tex, blocks);
    }

    private Section update() {
        String eta = WorkedExample.format(config.learningRate());
        String mu = WorkedExample.format(config.momentum());
        boolean momentum = config.momentum() != 0;
        org.backproplab.engine.Optimizer o = config.optimizer();
        boolean other = o.kind() != org.backproplab.engine.Optimizer.Kind.SGD
                && o.kind() != org.backproplab.engine.Optimizer.Kind.MOMENTUM;
        String step = other ? "ΔW = one step of " + o.describe(WorkedExample::format) + " with η = " + eta
                + " (the same for b)" : momentum
                ? "ΔW = μ·ΔW_prev − η·∂L/∂W with η = " + eta + ", μ = " + mu + " (the same for b)"
                : "ΔW = −η·∂L/∂W with η = " + eta + " (the same for b)";
        List<String> text = list(step, "new W = W + ΔW,   new b = b + Δb");
        List<String> tex = list(other ? "\\Delta W = \\text{one step of " + o.kind().title() + "}, \\quad \\eta = " + eta
                : momentum
                ? "\\Delta W = \\mu\\,\\Delta W_{\\text{prev}} - \\eta \\frac{\\partial L}{\\partial W}, \\quad \\eta = "
                + eta + ", \\ \\mu = " + mu
                : "\\Delta W = -\\eta \\frac{\\partial L}{\\partial W}, \\quad \\eta = " + eta,
                "W_{\\text{new}} = W + \\Delta W, \\qquad b_{\\text{new}} = b + \\Delta b");
        List<Block> blocks = new ArrayList<>();
        for (int l = 1; l <= t.depth(); l++) {
            blocks.add(matrix("dW", "ΔW" + l, "\\Delta W^{" + l + "}", l, rows(t.weightUpdates().get(l))));
            if (t.biasUpdates().get(l) != null) {
                blocks.add(vector("db", "Δb" + l, "\\Delta b^{" + l + "}", l, row(t.biasUpdates().get(l))));
            }
        }
        return new Section("Update", "", text, tex, blocks);
    }
}
