package org.backproplab.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.text.NumberText;

/**
 * Every weight matrix {@code W^l} (rows: neurons of layer {@code l−1}, columns: neurons of layer {@code l})
 * and bias {@code b^l} as a grid of fields tinted by the colour scale. Enter commits, Esc or leaving the
 * field restores the value shown; clicking a field selects its edge and shows the value in full; a field being
 * edited is not overwritten by training. Layers larger than
 * {@value #MAX_SIDE}×{@value #MAX_SIDE} show their top-left corner.
 */
final class WeightGrids extends VBox {
    static final int MAX_SIDE = 12;
    private static final String SHOWN = "shownText";
    /** The value in full ({@link NumberText#editable}), what a field shows while it is being edited. */
    private static final String EXACT = "exactText";
    /** Tint steps on each side of zero. */
    private static final int TINT_STEPS = 24;

    /** Sends an edit; returns false if refused. */
    interface Commit {
        boolean apply(int l, int from, int to, String text, String place);
    }

    private record Cell(TextField field, int l, int from, int to) {
    }

    private final Commit commit;
    private final Consumer<EdgeRef> select;
    private final List<Cell> cells = new ArrayList<>();
    private List<Object> shapeKey = List.of();
    /** The last {@link #show}, to fit the numbers again when the inspector's width changes. */
    private Runnable lastShow;
    private double fittedWidth = -1;

    WeightGrids(Commit commit, Consumer<EdgeRef> select) {
        this.commit = commit;
        this.select = select;
        setSpacing(10);
        setPadding(new Insets(6));
        getStyleClass().add("weight-grids");
    }

    /** @return the field of {@code W^l[from][to]} (bias: {@code from == -1}), or null if not shown */
    TextField field(int l, int from, int to) {
        for (Cell c : cells) {
            if (c.l == l && c.from == from && c.to == to) {
                return c.field;
            }
        }
        return null;
    }

    /** Shows the weights of {@code net}: rebuilt if the shape changed, else values and tints in place. */
    void show(Network net, Dataset d, ColorScale scale, EdgeRef selected) {
        lastShow = () -> show(net, d, scale, selected);
        List<Object> key = List.of(net.specs(), net.inputSize(), d.inputNames());
        if (!key.equals(shapeKey)) {
            build(net, d);
            shapeKey = key;
        }
        double range = 1e-9;
        for (Layer layer : net.layers()) {
            for (double[] row : layer.weights().getData()) {
                for (double w : row) {
                    range = Double.isFinite(w) ? Math.max(range, Math.abs(w)) : range;
                }
            }
            if (layer.hasBias()) {
                for (double b : layer.bias().toArray()) {
                    range = Double.isFinite(b) ? Math.max(range, Math.abs(b)) : range;
                }
            }
        }
        for (Cell c : cells) {
            Layer layer = net.layer(c.l);
            double v = c.from < 0 ? layer.bias(c.to) : layer.weight(c.from, c.to);
            String text = fitting(c.field, v);
            c.field.getProperties().put(SHOWN, text);
            c.field.getProperties().put(EXACT, NumberText.editable(v));
            if (!c.field.isFocused()) {
                if (!text.equals(c.field.getText())) {
                    c.field.setText(text);
                }
                c.field.getStyleClass().remove("invalid");
            }
            // the tint in 2·TINT_STEPS+1 steps, like the legend: while training runs most cells keep their
            // inline style from one refresh to the next, and a new inline style means re-applying CSS
            Color fill = scale.color(Math.round(v / range * TINT_STEPS) * range / TINT_STEPS, range);
            double lum = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
            boolean isSelected = selected != null && selected.layer() == c.l && selected.from() == c.from && selected.to() == c.to;
            String style = "-fx-control-inner-background: " + web(fill) + "; -fx-text-fill: "
                    + (lum < 0.5 ? "white" : "#111111") + ";"
                    + (isSelected ? " -fx-border-color: #111111; -fx-border-width: 2;" : "");
            if (!style.equals(c.field.getStyle())) {
                c.field.setStyle(style); // a new inline style re-applies CSS: only when the tint changed
            }
        }
    }

    /**
     * @return {@code v} with three significant digits, or with fewer if three do not fit the cell as wide as it
     *         is now (a narrow inspector at 1024×768, a value like −0.00911): a shorter number, never a cut one.
     *         Editing shows the value in full.
     */
    static String fitting(TextField f, double v) {
        double room = f.getWidth() - f.getInsets().getLeft() - f.getInsets().getRight();
        // a DejaVu Sans Mono character is 0.602 em wide
        double perChar = 0.61 * f.getFont().getSize();
        String text = NumberText.format(v, 3);
        for (int digits = 2; digits >= 1 && room > 0 && text.length() * perChar > room; digits--) {
            text = NumberText.format(v, digits);
        }
        return text;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (getWidth() != fittedWidth && lastShow != null) {
            fittedWidth = getWidth();
            lastShow.run(); // the cells' widths changed: choose the digits again
        }
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }

    private void build(Network net, Dataset d) {
        getChildren().clear();
        cells.clear();
        for (int l = 1; l <= net.depth(); l++) {
            Layer layer = net.layer(l);
            int rows = Math.min(layer.inputSize(), MAX_SIDE);
            int cols = Math.min(layer.size(), MAX_SIDE);
            Label title = new Label("W" + l + (layer.hasBias() ? " and b" + l : "") + "   (" + layer.inputSize() + "×"
                    + layer.size() + ": from layer " + (l - 1) + " to layer " + l + ")"
                    + (rows < layer.inputSize() || cols < layer.size() ? " · first " + rows + "×" + cols + " shown" : ""));
            title.getStyleClass().add("grid-title");
            GridPane grid = new GridPane();
            grid.setHgap(3);
            grid.setVgap(3);
            grid.getStyleClass().add("weight-grid");
            for (int j = 0; j < cols; j++) {
                grid.add(header(NeuronNames.of(net, d, l, j)), j + 1, 0);
            }
            for (int i = 0; i < rows; i++) {
                grid.add(header(NeuronNames.of(net, d, l - 1, i)), 0, i + 1);
                for (int j = 0; j < cols; j++) {
                    grid.add(cell(net, d, l, i, j), j + 1, i + 1);
                }
            }
            if (layer.hasBias()) {
                grid.add(header("b"), 0, rows + 1);
                for (int j = 0; j < cols; j++) {
                    grid.add(cell(net, d, l, -1, j), j + 1, rows + 1);
                }
            }
            getChildren().addAll(title, grid);
        }
    }

    private static Label header(String text) {
        Label h = new Label(text);
        h.getStyleClass().add("grid-header");
        GridPane.setHalignment(h, HPos.CENTER);
        return h;
    }

    private TextField cell(Network net, Dataset d, int l, int from, int to) {
        TextField f = new TextField();
        String place = new EdgeRef(l, from, to).name();
        String between = from < 0 ? "bias of " + NeuronNames.of(net, d, l, to)
                : NeuronNames.of(net, d, l - 1, from) + "→" + NeuronNames.of(net, d, l, to);
        f.setId("w" + l + "_" + (from < 0 ? "b" : String.valueOf(from + 1)) + "_" + (to + 1));
        f.setPrefColumnCount(6);
        f.getStyleClass().add("weight-cell");
        f.setTooltip(new Tooltip(place + " (" + between + "): type a value and press Enter (Esc cancels)"));
        Cell cell = new Cell(f, l, from, to);
        f.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (commit.apply(l, from, to, f.getText(), place)) {
                    f.getStyleClass().remove("invalid");
                    requestFocus();
                } else if (!f.getStyleClass().contains("invalid")) {
                    f.getStyleClass().add("invalid");
                }
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                requestFocus();
            }
        });
        f.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                Object exact = f.getProperties().get(EXACT);
                if (exact != null) {
                    f.setText(exact.toString()); // Enter on an untouched field sends the value itself, not a rounding
                }
                javafx.application.Platform.runLater(f::selectAll);
            } else {
                f.getStyleClass().remove("invalid");
                Object shown = f.getProperties().get(SHOWN);
                if (shown != null) {
                    f.setText(shown.toString());
                }
            }
        });
        f.setOnMousePressed(e -> select.accept(new EdgeRef(l, from, to)));
        cells.add(cell);
        return f;
    }
}
