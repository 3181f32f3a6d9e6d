package org.backproplab.ui.help;

import java.util.List;
import javafx.scene.paint.Color;
import org.backproplab.ui.Theme;

/**
 * The text of "What am I looking at?": every visual element of the window and the formulas behind it, in plain
 * words with the symbols used on screen. A paragraph starting with {@code "= "} is a formula shown on its own
 * line; one starting with {@code "• "} is a list item. Where it names a colour of the window it names the one the
 * theme on screen uses (light on dark is not dark on light).
 */
final class LookingAtText {
    /** One section: a heading and its paragraphs. */
    record Section(String heading, List<String> paragraphs) {
    }

    private LookingAtText() {
    }

    /** @return the sections as the window looks in {@code theme} */
    static List<Section> sections(Theme theme) {
        String low = shade(theme.activationLow());
        String high = shade(theme.activationHigh());
        String empty = shade(theme.background());
        String line = shade(theme.ink());
        return List.of(
            new Section("The network graph", List.of(
                    "Each column is a layer: the inputs x on the left (layer 0), the hidden layers in the middle, "
                            + "the output ŷ on the right (layer L). Each circle is a neuron.",
                    "• Edge colour: the sign of the weight w. Blue is negative, orange is positive, grey is near 0 "
                            + "(purple and green with the colour-blind scale, View → Colour scale).",
                    "• Edge width: the size |w| compared with the largest weight of the network; a fat edge matters more.",
                    "• Dashed edge: a negative weight, so the sign can be read without colour.",
                    "• Neuron fill: its activation a for the sample shown (View → Show sample): " + low + " for 0, "
                            + high + " for 1; for tanh, blue to orange from −1 to +1. Inputs that can be negative are "
                            + "left plain, their value written beside them. A " + empty + " neuron with a dashed outline "
                            + "has not been computed yet in this iteration.",
                    "• A rounded square marked +1 feeds the biases b of the next layer; a square input (such as x3 = 1 "
                            + "in the XOR tutorial) is a constant input that plays the bias.",
                    "• Numbers (View → Numbers on the graph): the weights w, the gradients ∂L/∂w, or everything: "
                            + "z, a and δ beside each neuron as well.",
                    "Click an edge to type a new weight; the mouse wheel or a vertical drag nudges it. Click a hidden "
                            + "neuron to see its own heatmap in the Boundary tab (the decision boundary).")),
            new Section("Stepping one phase at a time", List.of(
                    "Step (→) runs one whole iteration; Phase (Shift + →) runs one part of it: the forward pass layer "
                            + "by layer, the loss, the backward pass layer by layer, then the update. The phase that just "
                            + "ran is highlighted: its neurons glow yellow and everything else fades. The status bar names "
                            + "the phase that comes next; Back (←) undoes one step.")),
            new Section("The forward pass", List.of(
                    "Each neuron adds up its inputs, each times its weight, plus its bias, and squashes the sum:",
                    "= z = a·W + b        a = σ(z)",
                    "The sigmoid squashes any number into 0 … 1:",
                    "= σ(z) = 1 / (1 + e^{−z})",
                    "The last layer's activation is the prediction ŷ; y is the target it should match.")),
            new Section("The loss L", List.of(
                    "The loss says how wrong the predictions are; training makes it smaller. n is the number of samples in the batch.",
                    "= sse:  L = Σ (y − ŷ)²",
                    "= mse:  L = (1/n) Σ (ŷ − y)²",
                    "= bce:  L = −(1/n) Σ [ y·ln ŷ + (1 − y)·ln(1 − ŷ) ]",
                    "sse adds the squared errors, mse averages them, bce (binary cross-entropy) punishes a confident "
                            + "wrong answer hardest and suits a sigmoid output with targets 0 and 1.")),
            new Section("The backward pass: the chain rule", List.of(
                    "δ (delta) says how much the loss changes when a neuron's sum z changes. At the output it is the "
                            + "loss's slope times the sigmoid's slope:",
                    "= δ = ∂L/∂ŷ · σ'(z)        with σ'(z) = σ(z)·(1 − σ(z))",
                    "A hidden neuron's δ collects the δ of the layer above through the same weights, times its own slope:",
                    "= δˡ = (δˡ⁺¹ · (Wˡ⁺¹)ᵀ) ⊙ σ'(zˡ)",
                    "The gradient of a weight is the activation that enters it times the δ where it arrives:",
                    "= ∂L/∂W = aᵀ δ")),
            new Section("The update", List.of(
                    "Every weight takes a small step downhill, against its gradient; η (eta) is the learning rate:",
                    "= W ← W − η · ∂L/∂W",
                    "With momentum μ the step also keeps a part μ of the previous step. Too large an η makes the loss "
                            + "jump or explode (the window says so and offers to go back); too small an η learns slowly.")),
            new Section("The loss chart", List.of(
                    "• A point at iteration i is the loss over the whole training set of the weights after i "
                            + "updates; the line starts at 0 with the initial weights and ends at the weights now (the "
                            + "toolbar's loss). Stepping, or running up to 200 iterations a second, evaluates the whole "
                            + "set after every update; a faster per-sample or mini-batch run evaluates it once per "
                            + "epoch (the axis then says every how many iterations), and the line joins those values. "
                            + "Where many iterations share one pixel column, the line passes through their first, "
                            + "lowest, highest and last loss in the order they came, so no spike is hidden and no "
                            + "rise is invented. A red line marks an infinite loss (the run diverged). The vertical "
                            + "axis can be logarithmic.",
                    "• With a train/test split a second line shows the loss on the held-out test rows: when it rises "
                            + "while the training loss falls, the network is memorising.",
                    "• A vertical marker shows where something was changed by hand (η, a weight, an input, the data "
                            + "set); the red cursor shows the iteration on screen after going back.",
                    "• Runs: going back and stepping or running again follows the same run (the same numbers). "
                            + "An edit at an earlier iteration, or Resume from here, starts a new run and keeps the old "
                            + "one: the Runs list under the chart names each run, where it started, its iterations and "
                            + "its loss, and shows any of them again. Back right after loading a preset, a data set "
                            + "or a file brings the previous session back.",
                    "• Next to the chart: the loss and, for 0/1 targets, the accuracy (ŷ ≥ 0.5 counts as 1), for "
                            + "training and test rows.")),
            new Section("The decision boundary", List.of(
                    "For data with two inputs, the Boundary tab (the decision boundary) colours every point of the input plane by the "
                            + "network's answer ŷ there: blue towards 0, orange towards 1, grey near 0.5. The " + line
                            + " line is where ŷ = 0.5: the boundary between the two answers.",
                    "• Circles are samples with target y = 1, squares samples with y = 0; a hollow shape is a test row "
                            + "the network never trains on. A ring marks the sample shown on the graph.",
                    "• Pick a hidden neuron (in the Show list, or click it in the graph) to colour the plane by that "
                            + "neuron's activation instead: each hidden neuron draws one soft line, and the output "
                            + "combines those lines into the boundary.")),
            new Section("The loss landscape", List.of(
                    "The Landscape tab draws the loss over a flat slice of all the weights, through the weights now: "
                            + "L(θ + α·d1 + β·d2). With Two weights, α and β move two weights you choose and the axes "
                            + "are their values; with Two random directions, each neuron's part of a direction is as "
                            + "long as its own weights (the seed draws the same directions again).",
                    "• Dark violet is the lowest loss of the picture, yellow the highest (a log scale: the colour bar "
                            + "names the losses); white lines join points of equal loss.",
                    "• The path is where training went, seen in this slice: from the square (the start) through one "
                            + "dot per iteration to the ring, the weights now, filled with the colour of their loss. "
                            + "A path that jumps back and forth across a valley is η too large: each step overshoots.",
                    "• range ± sets how far the slice reaches; Fit path makes it hold the whole path; Open in "
                            + "window shows it large for the room.")),
            new Section("Presenter mode", List.of(
                    "F11 fills the screen; Ctrl + plus and Ctrl + minus zoom the whole window from 75 % to 250 %, "
                            + "Ctrl + 0 returns to 100 %. View → Theme switches between light and dark; the choices are "
                            + "remembered the next time.")),
            new Section("Lecture mode", List.of(
                    "F5 (or the Lecture button) gives the whole window to the graph and the derivation, every number "
                            + "large enough to read from the back of a room. The loss chart, the data, the weights and "
                            + "the decision boundary become drawers: C, D, W and B open and close them over the graph.",
                    "• ↑ and ↓ choose the neuron the graph labels and the derivation explains; Shift + ↑ / ↓ an edge "
                            + "into it. Numbers that do not fit are never dropped silently: the note \"+k more\" "
                            + "counts them.",
                    "• Run to stops exactly at an iteration or an epoch (the presets start with their tutorial's "
                            + "target); Auto-play walks through the phases at 1–5 s each, and any key pauses it. "
                            + "? lists every shortcut.")));
    }

    /** @return how a colour reads to someone looking at it: "white", "light" or "dark" */
    static String shade(Color c) {
        double l = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return l > 0.98 ? "white" : l > 0.5 ? "light" : "dark";
    }
}
