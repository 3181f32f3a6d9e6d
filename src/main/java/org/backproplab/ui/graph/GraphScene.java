package org.backproplab.ui.graph;

import java.util.List;
import javafx.scene.paint.Color;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.UiState.NeuronRef;

/**
 * Everything the network graph draws for one snapshot at one size: positions, colours, widths and texts,
 * computed by {@link NetworkViewModel} and painted by {@link GraphPainter}. Immutable; holds no Nodes.
 *
 * @param width      the drawing width in px
 * @param height     the drawing height in px
 * @param font       the base font size in px (at least 13)
 * @param headers    one per column
 * @param edges      weights and bias stubs, in drawing order (dimmed first)
 * @param biases     the "+1" bias nodes, one per layer that has a bias
 * @param neurons    every neuron
 * @param labels     numbers placed so that they do not overlap
 * @param caption    the line at the top (phase formula or what is shown)
 * @param note       a smaller second line (e.g. which sample of the batch is shown), may be empty
 * @param legend     what the legend explains, or null when the graph is too short for one
 * @param theme      the light or dark theme every colour of the graph comes from (the weight scale aside)
 * @param numbers    which numbers were left out for lack of room, and the note that says so
 * @param picture    the inputs drawn as an image (digits, MNIST) in place of a column of input neurons, or null
 */
public record GraphScene(double width, double height, double font, List<Header> headers, List<Edge> edges,
                         List<BiasNode> biases, List<Neuron> neurons, List<Label> labels, String caption,
                         String note, Legend legend, Theme theme, Numbers numbers, Picture picture) {

    /**
     * The sample's inputs drawn as its image: input {@code i = r·cols + c} is the square at
     * {@code (x + c·cell, y + r·cell)}, {@code cell} pixels wide, grey {@code 1 − ink[i]} (paper white, ink black,
     * as on the draw pad). Instead of one edge per weight, one line per first-layer neuron {@code j} carries what
     * the whole picture sends it, {@code Σ_i x_i W¹[i][j]}.
     *
     * @param inputs the engine's inputs {@code x_i} of the sample on show (or their mean)
     * @param ink    each input's ink share {@code 0 … 1}, from which the grey is drawn
     * @param names  the inputs' names ({@code p1,1 …})
     * @param feeds  one per first-layer neuron
     */
    public record Picture(double x, double y, int cell, int rows, int cols, double[] inputs, double[] ink,
                          List<String> names, List<Feed> feeds) {
        /** @return the input drawn at (px, py), or −1 outside the picture */
        public int pixelAt(double px, double py) {
            int c = (int) Math.floor((px - x) / cell);
            int r = (int) Math.floor((py - y) / cell);
            return px < x || py < y || c >= cols || r >= rows ? -1 : r * cols + c;
        }
    }

    /**
     * What the picture sends first-layer neuron {@code to}: {@code value = Σ_i x_i W¹[i][to]} (its {@code z}
     * without the bias), drawn from the picture's edge to the neuron, coloured on the weight scale and as wide as
     * its size against the largest of the layer.
     */
    public record Feed(int to, double x1, double y1, double x2, double y2, double value, Color color, double width,
                       Emphasis emphasis) {
    }

    /**
     * What became of the numbers the phase needs: every one is either a line of a label in {@link #labels()}
     * or counted here; none is dropped silently.
     *
     * @param needed  how many numbers (label lines) the phase needs on the graph
     * @param hidden  how many of them are not drawn (0 when all fit)
     * @param note    the visible note when some are hidden, e.g. "+8 more — click a neuron, or ↑/↓ through
     *                neurons"; empty when none is
     * @param noteTop y of the strip the note is shown in (nothing else is drawn there), NaN when none
     * @param focus   the neuron whose edges are labelled when not all fit (ringed on the graph), or null
     * @param lecture true when drawn for lecture mode (every line at least 3 px)
     */
    public record Numbers(int needed, int hidden, String note, double noteTop, NeuronRef focus, boolean lecture) {
    }

    /** How strongly an element is drawn during phase stepping. */
    public enum Emphasis {
        /** No phase is highlighted. */
        NORMAL,
        /** Part of the phase that just ran. */
        ACTIVE,
        /** Read by the phase that just ran (e.g. the layer below in a forward phase). */
        SOURCE,
        /** Not involved. */
        DIM
    }

    /** A column title, e.g. "Hidden 1" over "σ sigmoid". */
    public record Header(double x, double y, String title, String subtitle, Emphasis emphasis) {
    }

    /**
     * A weight {@code W^l[from][to]} (or a bias stub when {@code ref.isBias()}), drawn from (x1,y1) to (x2,y2).
     *
     * @param value  the weight or bias now
     * @param width  stroke width, growing with |value|
     * @param dashed true for negative values
     */
    public record Edge(EdgeRef ref, double x1, double y1, double x2, double y2, double value, Color color,
                       double width, boolean dashed, Emphasis emphasis) {
        /** @return the distance from (px,py) to this edge's segment */
        public double distance(double px, double py) {
            double dx = x2 - x1;
            double dy = y2 - y1;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
            double cx = x1 + t * dx - px;
            double cy = y1 + t * dy - py;
            return Math.sqrt(cx * cx + cy * cy);
        }
    }

    /** The constant {@code +1} feeding the biases {@code b^layer}, drawn as a small square. */
    public record BiasNode(int layer, double x, double y, double size, Emphasis emphasis) {
    }

    /**
     * One neuron.
     *
     * @param layer     0 for inputs
     * @param name      e.g. x1, h3, ŷ
     * @param fill      its colour for the activation shown, or null if not computed yet in this iteration
     * @param ink       text colour that reads on {@code fill}
     * @param biasInput true for the constant-1 input column that plays the bias
     * @param square    true for a square neuron (the first layer beside a picture: its weight picture fills it)
     */
    public record Neuron(int layer, int index, double x, double y, double r, String name, Color fill, Color ink,
                         boolean biasInput, Emphasis emphasis, boolean square) {
    }

    /**
     * A text placed at a rectangle (top-left x,y) with a halo background.
     *
     * @param lines  one or more lines, one number each
     * @param kind   what it labels (edge number, neuron value, side note)
     * @param dim    true if drawn faintly (not part of the highlighted phase)
     * @param ink    the text colour
     * @param edge   the weight or bias an EDGE label belongs to, else null
     * @param leader the line from the label to its edge when the label is not on the edge, else null
     */
    public record Label(double x, double y, double w, double h, List<String> lines, Kind kind, boolean dim, Color ink,
                        EdgeRef edge, Leader leader) {
        /** What a label labels. */
        public enum Kind { EDGE, NEURON, SIDE }

        boolean overlaps(double ox, double oy, double ow, double oh) {
            return x < ox + ow && ox < x + w && y < oy + oh && oy < y + h;
        }
    }

    /** A leader line from a label's box (x1, y1) to the point of its edge it labels (x2, y2). */
    public record Leader(double x1, double y1, double x2, double y2) {
    }

    /**
     * @param scale     the colour scale of the edges
     * @param range     the |w| at which colour and width saturate
     * @param fillTitle what the neuron fill shows, e.g. "fill = activation a (sample 01)"
     * @param fillOther how layers with signed activations are filled (on the weight scale), or empty
     * @param numbers   what the numbers on edges mean, or empty
     */
    public record Legend(ColorScale scale, double range, String fillTitle, String fillOther, String numbers) {
    }
}
