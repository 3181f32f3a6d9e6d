package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.ui.graph.GraphScene.Label;

/**
 * Places text labels without overlaps: each label tries its candidate positions in order and takes the
 * first that is inside the area and clear of every obstacle and every label placed before; a label with no
 * free position is left out (its value is still in the hover tooltip).
 */
final class LabelPlacer {
    /** Average advance of a digit or letter relative to the font size (DejaVu Sans digits are 0.636 em). */
    static final double CHAR_WIDTH = 0.62;
    static final double LINE = 1.22;
    static final double PAD = 3;

    private final double width;
    private final double height;
    private final double font;
    private final List<double[]> obstacles = new ArrayList<>();
    private final List<Label> placed = new ArrayList<>();

    LabelPlacer(double width, double height, double font) {
        this.width = width;
        this.height = height;
        this.font = font;
    }

    /** Keeps labels off the rectangle (x, y, w, h). */
    void obstacle(double x, double y, double w, double h) {
        obstacles.add(new double[] {x, y, w, h});
    }

    double textWidth(List<String> lines) {
        int n = 0;
        for (String s : lines) {
            n = Math.max(n, s.length());
        }
        return n * CHAR_WIDTH * font + 2 * PAD + 2;
    }

    double textHeight(List<String> lines) {
        return lines.size() * LINE * font + 2 * PAD - 2;
    }

    /**
     * @param centres candidate centres as x0, y0, x1, y1, ...
     * @return the label placed at the first free candidate, or null if none was free
     */
    Label place(List<String> lines, Label.Kind kind, boolean dim, javafx.scene.paint.Color ink, double... centres) {
        double w = textWidth(lines);
        double h = textHeight(lines);
        for (int i = 0; i + 1 < centres.length; i += 2) {
            double x = centres[i] - w / 2;
            double y = centres[i + 1] - h / 2;
            if (free(x, y, w, h)) {
                Label l = new Label(x, y, w, h, List.copyOf(lines), kind, dim, ink);
                placed.add(l);
                return l;
            }
        }
        return null;
    }

    private boolean free(double x, double y, double w, double h) {
        if (x < 1 || y < 1 || x + w > width - 1 || y + h > height - 1) {
            return false;
        }
        for (double[] o : obstacles) {
            if (x < o[0] + o[2] && o[0] < x + w && y < o[1] + o[3] && o[1] < y + h) {
                return false;
            }
        }
        for (Label l : placed) {
            if (l.overlaps(x - 2, y - 1, w + 4, h + 2)) {
                return false;
            }
        }
        return true;
    }

    List<Label> placed() {
        return List.copyOf(placed);
    }
}
