package org.backproplab.ui.digits;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backproplab.data.ImageInput;
import org.backproplab.text.NumberText;
import org.backproplab.ui.OwnKeys;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Throttle;

/**
 * The draw-a-digit pad ({@code #digitPad}) and the network's class probabilities for the drawing as labelled bars
 * ({@code #classProbabilities}: each row the class, a bar and the probability as a number). The left mouse button
 * paints, the right one erases; with the keyboard, the arrow keys move a cursor, Space paints and Delete erases
 * at it. Clear ({@code #clearPad}) makes the pad blank.
 */
public final class DigitPadView extends VBox {
    /** The pad's largest side on screen, in pixels; it shrinks to the column's width. */
    static final double PAD_PX = 320;
    /** The pad's smallest side on screen, in pixels. */
    static final double PAD_MIN_PX = 128;
    /** The brush's radius, in pad pixels: strokes about as thick as the training images' pens. */
    static final double BRUSH = 1.5;
    /** The longest bar (probability 1), in pixels. */
    static final double BAR_PX = 100;
    /** The room the bars take beside the pad, with their class names and numbers, in pixels. */
    static final double BARS_PX = 200;

    private final DigitPadViewModel model = new DigitPadViewModel();
    private final Throttle throttle = new Throttle(8);
    private final Canvas pad = new Canvas(PAD_PX, PAD_PX);
    private final VBox bars = new VBox(2);
    private final Label how = new Label();
    private final List<Label> numbers = new ArrayList<>();
    private final List<Region> barRegions = new ArrayList<>();
    private int cursorRow;
    private int cursorCol;
    private double lastRow = Double.NaN;
    private double lastCol = Double.NaN;

    public DigitPadView(SessionBridge bridge) {
        setSpacing(6);
        setPadding(new Insets(8));
        Label title = new Label("Draw a digit");
        title.getStyleClass().add("panel-title");
        how.setWrapText(true);
        pad.setId("digitPad");
        pad.setFocusTraversable(true);
        OwnKeys.claim(pad);
        pad.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        pad.setOnMousePressed(this::press);
        pad.setOnMouseDragged(this::drag);
        pad.setOnMouseReleased(e -> lastRow = Double.NaN);
        pad.setOnKeyPressed(this::key);
        pad.focusedProperty().addListener((o, a, b) -> draw());
        widthProperty().addListener((o, a, w) -> {
            double side = Math.max(PAD_MIN_PX, Math.min(PAD_PX, w.doubleValue() - 2 * getPadding().getLeft() - BARS_PX));
            pad.setWidth(side);
            pad.setHeight(side);
            draw();
        });
        Button clear = new Button("Clear");
        clear.setId("clearPad");
        clear.setAccessibleText("Clear the drawing pad");
        clear.setOnAction(e -> {
            model.clear();
            pad.requestFocus();
        });
        bars.setId("classProbabilities");
        bars.setAccessibleText("The network's probability for each class, for the drawing");
        Label barsTitle = new Label("ŷ for the drawing");
        Pane holder = new Pane(pad);
        holder.setMinWidth(PAD_MIN_PX);
        holder.prefWidthProperty().bind(pad.widthProperty());
        holder.setMinHeight(Region.USE_PREF_SIZE);
        holder.prefHeightProperty().bind(pad.heightProperty());
        HBox top = new HBox(12, title, clear);
        top.setAlignment(Pos.CENTER_LEFT);
        barsTitle.setWrapText(true);
        VBox probabilities = new VBox(4, barsTitle, bars);
        probabilities.setMinWidth(BARS_PX - 12);
        probabilities.setPrefWidth(BARS_PX - 12);
        // the bars beside the pad, so both fit a projector's screen; the instructions below
        getChildren().addAll(top, new HBox(12, holder, probabilities), how);
        setMinWidth(PAD_MIN_PX + BARS_PX + 16);

        model.imageProperty().addListener((o, a, b) -> rebuild());
        model.versionProperty().addListener((o, a, b) -> draw());
        model.probabilitiesProperty().addListener((o, a, p) -> showProbabilities(p));
        bridge.snapshotProperty().addListener((o, was, s) -> throttle.submit(s == null || !s.running(),
                () -> model.update(bridge.snapshot())));
        model.update(bridge.snapshot());
        rebuild();
    }

    /** @return the pad's state */
    public DigitPadViewModel model() {
        return model;
    }

    private void rebuild() {
        ImageInput image = model.imageProperty().get();
        bars.getChildren().clear();
        numbers.clear();
        barRegions.clear();
        if (image == null) {
            how.setText("The pad draws only for data sets whose inputs are an image (digits, MNIST).");
            draw();
            return;
        }
        how.setText(image.describe() + ". Left button paints, right button erases; arrow keys move, Space paints, "
                + "Delete erases.");
        pad.setAccessibleText(String.format("Drawing pad, %d by %d pixels: arrow keys move, Space paints, Delete "
                + "erases", image.padRows(), image.padCols()));
        cursorRow = image.padRows() / 2;
        cursorCol = image.padCols() / 2;
        for (int k = 0; k < model.classNames().size(); k++) {
            Label name = new Label(model.classNames().get(k));
            name.setMinWidth(24);
            Region bar = new Region();
            bar.setStyle("-fx-background-color: -bl-accent;");
            bar.setMinHeight(12);
            bar.setMaxHeight(12);
            Label number = new Label();
            number.setId("probability-" + k);
            // the number is never cut to "0.9…": when the column is narrow the bar gives way
            number.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, name, bar, number);
            row.setAlignment(Pos.CENTER_LEFT);
            bars.getChildren().add(row);
            numbers.add(number);
            barRegions.add(bar);
        }
        showProbabilities(model.probabilitiesProperty().get());
        draw();
    }

    private void showProbabilities(double[] p) {
        int best = p.length == 0 ? -1 : org.backproplab.data.Accuracy.predicted(p);
        for (int k = 0; k < numbers.size(); k++) {
            double v = k < p.length ? p[k] : Double.NaN;
            String text = Double.isNaN(v) ? "–" : NumberText.format(v);
            numbers.get(k).setText(text);
            numbers.get(k).setStyle(k == best && p.length > 0 ? "-fx-font-weight: bold;" : "");
            double w = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v)) * BAR_PX;
            barRegions.get(k).setMinWidth(0);
            barRegions.get(k).setPrefWidth(w);
            barRegions.get(k).setMaxWidth(w);
            bars.getChildren().get(k).setAccessibleText("class " + model.classNames().get(k) + ": " + text
                    + (k == best ? ", the most likely" : ""));
        }
    }

    private double cell() {
        ImageInput image = model.imageProperty().get();
        return image == null ? pad.getWidth() : pad.getWidth() / Math.max(image.padRows(), image.padCols());
    }

    private void press(MouseEvent e) {
        pad.requestFocus();
        lastRow = Double.NaN;
        drag(e);
    }

    /** Paints (or erases, right button) along the line from the last point, so a fast stroke has no gaps. */
    private void drag(MouseEvent e) {
        double c = cell();
        double row = e.getY() / c;
        double col = e.getX() / c;
        boolean erase = e.getButton() == MouseButton.SECONDARY;
        double fromRow = Double.isNaN(lastRow) ? row : lastRow;
        double fromCol = Double.isNaN(lastCol) ? col : lastCol;
        int steps = (int) Math.ceil(Math.hypot(row - fromRow, col - fromCol) / 0.5) + 1;
        for (int s = 1; s <= steps; s++) {
            double t = (double) s / steps;
            stroke(fromRow + t * (row - fromRow), fromCol + t * (col - fromCol), erase);
        }
        lastRow = row;
        lastCol = col;
    }

    private void stroke(double row, double col, boolean erase) {
        if (erase) {
            model.erase(row, col, BRUSH);
        } else {
            model.paint(row, col, BRUSH);
        }
    }

    private void key(KeyEvent e) {
        ImageInput image = model.imageProperty().get();
        if (image == null) {
            return;
        }
        KeyCode k = e.getCode();
        switch (k) {
            case UP -> cursorRow = Math.max(0, cursorRow - 1);
            case DOWN -> cursorRow = Math.min(image.padRows() - 1, cursorRow + 1);
            case LEFT -> cursorCol = Math.max(0, cursorCol - 1);
            case RIGHT -> cursorCol = Math.min(image.padCols() - 1, cursorCol + 1);
            case SPACE -> model.paint(cursorRow + 0.5, cursorCol + 0.5, BRUSH);
            case DELETE, BACK_SPACE -> model.erase(cursorRow + 0.5, cursorCol + 0.5, BRUSH);
            default -> {
                return;
            }
        }
        e.consume();
        draw();
    }

    private void draw() {
        GraphicsContext g = pad.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, pad.getWidth(), pad.getHeight());
        ImageInput image = model.imageProperty().get();
        if (image == null) {
            return;
        }
        double c = cell();
        g.setFill(Color.BLACK);
        for (int i = 0; i < image.padRows(); i++) {
            for (int j = 0; j < image.padCols(); j++) {
                if (model.ink(i, j)) {
                    g.fillRect(j * c, i * c, c, c);
                }
            }
        }
        int blockRows = image.padRows() / image.rows();
        g.setStroke(Color.gray(0.5, 0.35));
        g.setLineWidth(1);
        for (int b = 0; b <= image.rows(); b++) {
            double at = Math.round(b * blockRows * c) + 0.5;
            g.strokeLine(at, 0, at, image.padCols() * c);
            g.strokeLine(0, at, image.padRows() * c, at);
        }
        if (pad.isFocused()) {
            g.setStroke(Color.rgb(220, 40, 40));
            g.setLineWidth(2);
            g.strokeRect(cursorCol * c + 1, cursorRow * c + 1, c - 2, c - 2);
        }
    }
}
