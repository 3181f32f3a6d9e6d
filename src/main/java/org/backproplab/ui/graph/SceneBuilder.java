package org.backproplab.ui.graph;

import static org.backproplab.ui.graph.GraphText.num;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.data.ImageInput;
import org.backproplab.engine.Activation;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.UiState.Numbers;
import org.backproplab.ui.graph.GraphScene.BiasNode;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.backproplab.ui.graph.GraphScene.Header;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Neuron;

/** Builds one {@link GraphScene} for {@link NetworkViewModel}: geometry, colours, then labels. */
final class SceneBuilder {
    static final double MIN_WIDTH = 1;
    static final double MAX_WIDTH = 8;
    /** How many steps of |w| an edge's colour and width take between 0 and the largest weight. */
    static final int EDGE_STEPS = 32;
    /** Edge widths in lecture mode: no line thinner than 3 px, seen from the back of a room. */
    static final double LECTURE_MIN_WIDTH = 3;
    static final double LECTURE_MAX_WIDTH = 11;

    private final NetworkViewModel vm;
    private final Snapshot s;
    private final Network net;
    private final Phase phase;
    private final Numbers numbers;
    private final ColorScale scale;
    private final Theme theme;
    private final double width;
    private final double height;
    private final int[] sizes;
    private final boolean[] bias;
    private final int legendRows;
    /** The text size of lecture mode, or 0 outside it. */
    private final double lecture;
    private final UiState state;
    private GraphLayout g;
    /** Where the picture and the first layer's grid go when the inputs are drawn as an image, else null. */
    private ImageLayout im;
    /** The caption over the graph and the note under it (two lines joined by a newline at most). */
    private String caption;
    private String note;
    /** The window's zoom: edge widths scale with it, like the fonts. */
    private final double zoom;
    private final NeuronValues values;
    private final GraphScene.Legend legend;

    SceneBuilder(NetworkViewModel vm, UiState state, double width, double height) {
        this.vm = vm;
        this.s = vm.snapshot();
        this.net = s.network();
        this.phase = vm.shownPhase();
        this.numbers = state.numbersProperty().get();
        this.scale = state.colorScaleProperty().get();
        this.theme = state.themeProperty().get();
        this.width = width;
        this.height = height;
        this.state = state;
        int depth = net.depth();
        sizes = new int[depth + 1];
        bias = new boolean[depth + 1];
        for (int l = 0; l <= depth; l++) {
            sizes[l] = net.size(l);
            bias[l] = l > 0 && net.layer(l).hasBias();
        }
        this.zoom = state.zoomProperty().get();
        this.values = new NeuronValues(s, state.sampleOnShow(s));
        this.legend = new GraphScene.Legend(scale, vm.range(), values.fillTitle(), signedFill(), numbersLegend());
        this.lecture = state.lectureText();
        // lecture mode has no legend: its words are too small for a room, and the teacher explains the colours
        this.legendRows = lecture > 0 ? 0 : LegendPainter.rows(legend, GraphLayout.fontSize(width, height, zoom), width);
        captionAndNote();
    }

    /**
     * The caption and the note under it. In lecture mode a note too wide for the graph at its size is broken
     * into two lines at a separator, rather than drawn smaller.
     */
    private void captionAndNote() {
        String note = values.note();
        int samples = vm.gradientSamples();
        if (phase != null) {
            IterationTrace t = s.trace();
            double loss = t == null ? Double.NaN : t.loss();
            caption = lecture > 0 ? PhaseText.shortCaption(phase, loss) + "   ·   " + values.describeSelection()
                    : PhaseText.caption(phase, net, s.scenario().config(), loss);
            if (vm.hidden().hidesAny(org.backproplab.engine.exercise.Quantity.Kind.LOSS)) {
                // the batch loss of a one-sample batch is the loss the exercise asks for
                caption = caption.replace(num(loss), SceneLabels.HIDDEN);
            }
            // the sample on show is named while stepping too (the note says so when it is not the selected one)
            String what = PhaseText.numbersNote(phase, samples);
            // lecture mode: what the numbers are first, then (briefly: the caption names the sample on show) why
            // the selected sample is not the one on show; narrower separators, so that the line keeps its size
            String brief = values.briefNote();
            note = lecture > 0 ? (brief.isEmpty() ? what : what + "   ·   " + brief).replace("   ·   ", "  ·  ")
                    : (note.isEmpty() ? values.describeSelection() : note) + "   ·   " + what;
        } else {
            caption = values.describeSelection() + "   ·   loss L = " + num(s.loss());
            if (lecture > 0) {
                note = values.briefNote();
            }
        }
        if (lecture > 0 && !note.isEmpty()) {
            note = noteLines(note, GraphPainter.font(lecture * 0.95, false), width - 24);
        }
        this.caption = caption;
        this.note = note;
    }

    /** The most lines the note under the caption may take in lecture mode. */
    static final int MAX_NOTE_LINES = 3;

    /**
     * @return {@code text} broken into lines that fit {@code room} in {@code font}, at most
     *         {@link #MAX_NOTE_LINES} (the last takes what is left), joined by newlines: broken at the "  ·  "
     *         separators where that is enough, otherwise filling each line to the last space that fits
     */
    static String noteLines(String text, Font font, double room) {
        String bySeparators = wrap(text, font, room, true);
        return fits(bySeparators, font, room) ? bySeparators : wrap(text, font, room, false);
    }

    private static boolean fits(String lines, Font font, double room) {
        return lines.lines().allMatch(l -> LabelLeaders.width(l, font) <= room);
    }

    /** Greedy: each line up to the last separator (or, without {@code separators} or none fitting, space) that fits. */
    private static String wrap(String text, Font font, double room, boolean separators) {
        StringBuilder out = new StringBuilder();
        String rest = text;
        for (int line = 1; line < MAX_NOTE_LINES && LabelLeaders.width(rest, font) > room; line++) {
            int cut = -1;
            int skip = 0;
            for (String at : separators ? new String[] {"  ·  ", " "} : new String[] {" "}) {
                for (int c = rest.lastIndexOf(at); c > 0 && cut < 0; c = rest.lastIndexOf(at, c - 1)) {
                    if (LabelLeaders.width(rest.substring(0, c), font) <= room) {
                        cut = c;
                        skip = at.length();
                    }
                }
                if (cut > 0) {
                    break;
                }
            }
            if (cut <= 0) {
                break;
            }
            out.append(rest, 0, cut).append('\n');
            rest = rest.substring(cut + skip).strip();
        }
        return out.append(rest).toString();
    }

    /**
     * @return the scene with every number the phase needs, or, when they do not all fit, laid out again with a
     *         note and the focus neuron's numbers (see {@link SceneLabels})
     */
    GraphScene build() {
        GraphScene all = build(false);
        return all.numbers().hidden() == 0 ? all : build(true);
    }

    private GraphScene build(boolean focused) {
        ImageInput image = vm.inputImage();
        int[] laidOut = sizes.clone();
        if (image != null) {
            // the picture and the grid of the first layer take their own room (ImageLayout), one slot each here
            laidOut[0] = 1;
            laidOut[1] = 1;
        }
        g = new GraphLayout(laidOut, bias, width, height, zoom, legendRows, lecture, focused,
                (int) note.chars().filter(c -> c == '\n').count() + 1);
        im = image == null ? null : new ImageLayout(g, image.rows(), image.cols(), sizes[1]);
        double range = vm.range();
        List<Header> headers = headers();
        List<Edge> edges = new ArrayList<>();
        List<BiasNode> biasNodes = new ArrayList<>();
        List<Neuron> neurons = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            Emphasis em = vm.emphasisOfEdges(l);
            for (int from = 0; from < net.size(l - 1) && !(im != null && l == 1); from++) {
                for (int to = 0; to < net.size(l); to++) {
                    edges.add(edge(new EdgeRef(l, from, to), x(l - 1, from), y(l - 1, from), l, to, range, em));
                }
            }
            if (net.layer(l).hasBias()) {
                double bx = im != null && l <= 2 ? (l == 1 ? im.bias1X : im.bias2X) : g.columnX[l - 1];
                double by = im != null && l <= 2 ? (l == 1 ? im.bias1Y : im.bias2Y) : g.biasY[l];
                biasNodes.add(new BiasNode(l, bx, by, g.r * 1.1, em));
                for (int to = 0; to < net.size(l); to++) {
                    edges.add(edge(new EdgeRef(l, -1, to), bx, by, l, to, range, em));
                }
            }
        }
        edges.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (int l = im == null ? 0 : 1; l <= net.depth(); l++) {
            Emphasis em = vm.emphasisOfLayer(l);
            for (int i = 0; i < net.size(l); i++) {
                neurons.add(neuron(l, i, em));
            }
        }
        GraphScene.Picture picture = im == null ? null : picture(image);
        SceneLabels placer = new SceneLabels(vm, s, g, values, numbers, theme, width, height);
        if (picture != null) {
            placer.obstacle(im.pictureX, im.pictureY, im.pictureRight() - im.pictureX, im.pictureBottom() - im.pictureY);
        }
        UiState.NeuronRef focus = SceneLabels.focus(net, phase, state.selectedNeuronProperty().get(),
                state.selectedEdgeProperty().get());
        SceneLabels.Placed placed = focused ? placer.placeFocused(edges, biasNodes, neurons, focus,
                state.selectedNeuronProperty().get())
                : placer.placeAll(edges, biasNodes, neurons);
        List<Label> labels = placed.labels();
        String hiddenNote = placed.hidden() == 0 ? "" : hiddenNote(placed.hidden());
        GraphScene.Numbers shown = new GraphScene.Numbers(placed.needed(), placed.hidden(), hiddenNote, g.noteTop,
                focused ? focus : state.selectedNeuronProperty().get(), lecture > 0);
        return new GraphScene(width, height, g.font, headers, edges, biasNodes, neurons, labels, caption, note,
                g.legendRows == 0 ? null : legend, theme, shown, picture);
    }

    /** @return x of neuron {@code i} of layer {@code l}: its column, or its place in the first layer's grid */
    private double x(int l, int i) {
        return im != null && l == 1 ? im.neuronX[i] : g.columnX[l];
    }

    private double y(int l, int i) {
        return im != null && l == 1 ? im.neuronY[i] : g.neuronY[l][i];
    }

    /**
     * @return the inputs on show as a picture, and what it sends each first-layer neuron, {@code Σ_i x_i W¹[i][j]},
     *         as one line from the picture's right edge (spread down it, in the neurons' order) to the neuron
     */
    private GraphScene.Picture picture(ImageInput image) {
        int n = net.size(0);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = values.a(0, i);
        }
        double[][] w = net.layer(1).weights().getData();
        int m = net.size(1);
        double[] sent = new double[m];
        double most = 0;
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                sent[j] += x[i] * w[i][j];
            }
            most = Double.isFinite(sent[j]) ? Math.max(most, Math.abs(sent[j])) : most;
        }
        most = most > 0 ? most : 1;
        Emphasis em = vm.emphasisOfEdges(1);
        List<GraphScene.Feed> feeds = new ArrayList<>();
        double top = im.pictureY;
        double height = im.pictureBottom() - top;
        for (int j = 0; j < m; j++) {
            double t = Double.isFinite(sent[j]) ? Math.min(1, Math.abs(sent[j]) / most) : 1;
            double lineWidth = lecture > 0 ? LECTURE_MIN_WIDTH + (LECTURE_MAX_WIDTH - LECTURE_MIN_WIDTH) * t
                    : (MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * t) * zoom;
            feeds.add(new GraphScene.Feed(j, im.pictureRight(), top + (j + 0.5) / m * height, im.neuronX[j],
                    im.neuronY[j], sent[j], scale.color(sent[j], most), lineWidth, em));
        }
        return new GraphScene.Picture(im.pictureX, im.pictureY, im.cell, image.rows(), image.cols(), x, image.ink(x),
                s.scenario().dataset().inputNames(), feeds);
    }

    /** @return e.g. "+8 more — click a neuron or ↑/↓" (lecture mode), "+8 more numbers — click a neuron to see its own" */
    private String hiddenNote(int hidden) {
        return lecture > 0 ? "+" + hidden + " more — click a neuron or ↑/↓"
                : "+" + hidden + " more " + (hidden == 1 ? "number" : "numbers") + " — click a neuron to see its own";
    }

    private int rank(Edge e) {
        int r = switch (e.emphasis()) {
            case DIM -> 0;
            case NORMAL, SOURCE -> 1;
            case ACTIVE -> 2;
        };
        return r * 2 + (e.ref().equals(vm.hovered()) ? 1 : 0);
    }

    private Edge edge(EdgeRef ref, double x1, double y1, int l, int to, double range, Emphasis em) {
        double v = vm.value(ref);
        double t = Double.isFinite(v) ? stepped(Math.min(1, Math.abs(v) / range)) : 1;
        double x2 = x(l, to);
        double y2 = y(l, to);
        double width = lecture > 0 ? LECTURE_MIN_WIDTH + (LECTURE_MAX_WIDTH - LECTURE_MIN_WIDTH) * t
                : (MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * t) * zoom;
        Color color = Double.isFinite(v) ? scale.color(Math.copySign(t * range, v), range) : scale.color(v, range);
        return new Edge(ref, x1, y1, x2, y2, v, color, width, v < 0, em);
    }

    /**
     * @return {@code t} (0–1, a weight's share of the largest) rounded to one of {@value #EDGE_STEPS} steps: an
     *         edge's colour and width move in steps too small to see, so that the painter strokes all edges of one
     *         step as one path ({@link GraphPainter})
     */
    static double stepped(double t) {
        return Math.round(t * EDGE_STEPS) / (double) EDGE_STEPS;
    }

    private Neuron neuron(int l, int i, Emphasis em) {
        double a = values.a(l, i);
        boolean biasInput = l == 0 && i == s.scenario().dataset().biasColumn();
        Color fill = Double.isNaN(a) ? null : fill(l, a);
        Color ink = fill == null ? theme.muted() : inkOn(fill);
        boolean square = im != null && l == 1;
        return new Neuron(l, i, x(l, i), y(l, i), square ? im.r : g.r, NetworkViewModel.neuronName(s, l, i), fill, ink,
                biasInput, em, square);
    }

    /**
     * Sequential 0 … 1 fill for sigmoid (and non-negative inputs, ReLU), diverging for signed activations of hidden
     * and output layers; signed inputs are data, not weights: a plain fill ({@link Theme#activationLow()}) with
     * their value written beside them, never the weights' colours.
     */
    private Color fill(int l, double a) {
        if (!Double.isFinite(a)) {
            return Color.web("#d62728");
        }
        double range = values.fillRange(l);
        if (values.sequential(l)) {
            return theme.activation(a / range);
        }
        return l == 0 ? theme.activationLow() : scale.color(a, range);
    }

    /** @return near-black or white, whichever reads better on {@code fill} */
    static Color inkOn(Color fill) {
        Color dark = Color.web("#1a1a1a");
        return Theme.contrast(dark, fill) >= Theme.contrast(Color.WHITE, fill) ? dark : Color.WHITE;
    }

    private List<Header> headers() {
        List<Header> h = new ArrayList<>();
        for (int l = 0; l <= net.depth(); l++) {
            String title = l == 0 ? "Input" : l == net.depth() ? "Output" : "Hidden " + l;
            String sub;
            if (l == 0) {
                Dataset d = s.scenario().dataset();
                sub = d.biasColumn() >= 0 ? d.inputNames().get(d.biasColumn()) + " = 1 is the bias"
                        : im != null ? im.rows + "×" + im.cols + " image · " + net.size(0) + " inputs"
                        : net.size(0) + " inputs";
                if (!d.features().isEmpty()) {
                    sub += " · " + d.features().size() + " derived";
                }
            } else {
                Activation f = net.layer(l).activation();
                sub = PhaseText.activationName(f) + (net.layer(l).hasBias() ? " · bias" : "");
            }
            double x = im == null || l > 1 ? g.columnX[l] : l == 0 ? im.bias1X : im.bias2X;
            h.add(new Header(x, g.headerY, title, sub, vm.emphasisOfLayer(l)));
        }
        return h;
    }

    /** @return e.g. "tanh: as w" when some layers are filled on the diverging scale, else empty */
    private String signedFill() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (int l = 0; l <= net.depth(); l++) {
            if (l > 0 && !values.sequential(l)) {
                names.add(net.layer(l).activation().symbol());
            }
        }
        return names.isEmpty() ? "" : String.join(", ", names) + ": coloured as w";
    }

    private String numbersLegend() {
        int samples = vm.gradientSamples();
        if (phase != null && numbers != Numbers.NONE) {
            return PhaseText.numbersNote(phase, samples);
        }
        String over = samples > 1 ? " summed over " + samples + " samples" : "";
        return switch (numbers) {
            case NONE -> "";
            case WEIGHTS -> "numbers: w and b";
            case GRADIENTS -> "numbers: " + (over.isEmpty() ? "∂L/∂w" : "Σ ∂L/∂w," + over);
            case EVERYTHING -> "numbers: w, " + (over.isEmpty() ? "∂ = ∂L/∂w" : "Σ∂ = ∂L/∂w" + over) + "; z, a";
        };
    }

    /** @return the rows of a matrix averaged, or the given row: the value shown for column {@code j} */
    static double pick(RealMatrix m, int row, int j) {
        if (m == null) {
            return Double.NaN;
        }
        if (row >= 0) {
            return m.getEntry(row, j);
        }
        double sum = 0;
        for (int r = 0; r < m.getRowDimension(); r++) {
            sum += m.getEntry(r, j);
        }
        return sum / m.getRowDimension();
    }
}
