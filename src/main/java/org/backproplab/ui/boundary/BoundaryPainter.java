package org.backproplab.ui.boundary;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backproplab.data.Dataset;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Theme;
import org.backproplab.ui.common.CanvasText;
import org.backproplab.text.NumberText;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;
import org.backproplab.ui.boundary.HeatmapModel.Plane;

/**
 * Paints a heatmap on a canvas: the coloured plane with its axes, the contour line at the activation's middle
 * level, the samples (class 1 a circle, class 0 a square; test rows hollow; the sample on show ringed, as on the graph), a
 * colour bar and a one-line legend. Every size is a multiple of the font size {@code f}, which follows the
 * window's zoom.
 */
final class BoundaryPainter {
    private final GraphicsContext gc;
    private final double f;
    private final Theme theme;
    private final ColorScale scale;
    private double px;
    private double py;
    private double side;

    BoundaryPainter(GraphicsContext gc, double fontSize, Theme theme, ColorScale scale) {
        this.gc = gc;
        this.f = fontSize;
        this.theme = theme;
        this.scale = scale;
    }

    void paint(double w, double h, Heatmap map, Image image, Snapshot s, int shownSample) {
        gc.setFill(theme.background());
        gc.fillRect(0, 0, w, h);
        double left = 4.2 * f;
        double right = 5.2 * f;
        double top = 0.9 * f;
        double bottom = 5.6 * f;
        side = Math.max(40, Math.min(w - left - right, h - top - bottom));
        px = left + Math.max(0, (w - left - right - side) / 2);
        py = top + Math.max(0, (h - top - bottom - side) / 3);
        gc.setImageSmoothing(true);
        gc.drawImage(image, px, py, side, side);
        axes(map.plane());
        contour(map);
        samples(map, s, shownSample);
        if (map.isClassMap()) {
            classKey(s.scenario().dataset(), px + side + 1.2 * f, py);
        } else {
            colourBar(map, px + side + 1.2 * f, py, side);
        }
        legend(map, s.scenario().dataset(), w, py + side + 3.7 * f);
    }

    private double sx(Plane p, double x) {
        return px + (x - p.xMin()) / (p.xMax() - p.xMin()) * side;
    }

    private double sy(Plane p, double y) {
        return py + (p.yMax() - y) / (p.yMax() - p.yMin()) * side;
    }

    private void axes(Plane p) {
        gc.setStroke(theme.muted());
        gc.setLineWidth(1);
        gc.strokeRect(px - 0.5, py - 0.5, side + 1, side + 1);
        Font ticks = font(0.85 * f, false);
        for (double x : niceTicks(p.xMin(), p.xMax())) {
            double X = sx(p, x);
            gc.strokeLine(X, py + side, X, py + side + 0.35 * f);
            text(num(x), X, py + side + 1.0 * f, ticks, theme.muted(), TextAlignment.CENTER);
        }
        for (double y : niceTicks(p.yMin(), p.yMax())) {
            double Y = sy(p, y);
            gc.strokeLine(px - 0.35 * f, Y, px, Y);
            text(num(y), px - 0.55 * f, Y, ticks, theme.muted(), TextAlignment.RIGHT);
        }
        Font names = font(f, true);
        text(p.xName(), px + side / 2, py + side + 2.2 * f, names, theme.ink(), TextAlignment.CENTER);
        CanvasText.upward(gc, p.yName(), px - 3.4 * f, py + side / 2, names, theme.ink());
    }

    private void contour(Heatmap map) {
        Plane p = map.plane();
        gc.setLineWidth(Math.max(2, 0.19 * f));
        gc.setStroke(theme.ink());
        for (double[] seg : map.contour()) {
            gc.strokeLine(sx(p, seg[0]), sy(p, seg[1]), sx(p, seg[2]), sy(p, seg[3]));
        }
    }

    private void samples(Heatmap map, Snapshot s, int selected) {
        Plane p = map.plane();
        Dataset d = s.scenario().dataset();
        boolean classes = d.targetSize() >= 2;
        boolean binary = !classes && binary(d);
        double r = Math.max(3, Math.min(0.42 * f, side / Math.sqrt(d.size()) / 3.8));
        for (int i = 0; i < d.size(); i++) {
            double x = sx(p, d.input(i, p.xColumn()));
            double y = sy(p, d.input(i, p.yColumn()));
            double t = d.target(i, 0);
            boolean positive = t >= p.targetMid();
            Color c = classes ? HeatmapColors.classColor(trueClass(d, i))
                    : binary ? (positive ? scale.positive() : scale.negative()) : scale.color(t - map.center(), map.range());
            boolean test = s.isTestRow(i);
            gc.setLineWidth(test ? Math.max(2, 0.16 * f) : Math.max(1, 0.08 * f));
            gc.setFill(test ? theme.background() : c);
            gc.setStroke(test ? c : theme.ink());
            if (!binary || positive) {
                gc.fillOval(x - r, y - r, 2 * r, 2 * r);
                gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
            } else {
                double q = 0.9 * r;
                gc.fillRect(x - q, y - q, 2 * q, 2 * q);
                gc.strokeRect(x - q, y - q, 2 * q, 2 * q);
            }
            if (i == selected) {
                gc.setStroke(theme.ink());
                gc.setLineWidth(Math.max(1.5, 0.12 * f));
                gc.strokeOval(x - 2 * r, y - 2 * r, 4 * r, 4 * r);
            }
        }
    }

    /** @return the target column of sample {@code i} holding the largest value (its class) */
    static int trueClass(Dataset d, int i) {
        int k = 0;
        for (int c = 1; c < d.targetSize(); c++) {
            k = d.target(i, c) > d.target(i, k) ? c : k;
        }
        return k;
    }

    /** The classes' colours and names beside a class map, one below the other. */
    private void classKey(Dataset d, double x, double y) {
        Font font = font(0.85 * f, false);
        double step = 1.5 * f;
        for (int k = 0; k < d.targetSize(); k++) {
            double Y = y + (k + 0.5) * step;
            gc.setFill(HeatmapColors.classCell(k, 1, theme));
            gc.fillRect(x, Y - 0.5 * f, 1.1 * f, f);
            gc.setStroke(theme.muted());
            gc.setLineWidth(1);
            gc.strokeRect(x - 0.5, Y - 0.5 * f - 0.5, 1.1 * f + 1, f + 1);
            text(d.targetNames().get(k), x + 1.6 * f, Y, font, theme.ink(), TextAlignment.LEFT);
        }
    }

    /** @return true if every target of the first column is its minimum or its maximum (two classes) */
    static boolean binary(Dataset d) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            lo = Math.min(lo, d.target(i, 0));
            hi = Math.max(hi, d.target(i, 0));
        }
        for (int i = 0; i < d.size(); i++) {
            if (d.target(i, 0) != lo && d.target(i, 0) != hi) {
                return false;
            }
        }
        return true;
    }

    private void colourBar(Heatmap map, double x, double y, double h) {
        double w = 1.1 * f;
        double lo = map.center() - map.range();
        double hi = map.center() + map.range();
        int steps = (int) Math.max(2, h);
        for (int k = 0; k < steps; k++) {
            double v = hi - (k + 0.5) / steps * (hi - lo);
            gc.setFill(HeatmapColors.color(v, map, scale, theme));
            gc.fillRect(x, y + k * h / steps, w, h / steps + 1);
        }
        gc.setStroke(theme.muted());
        gc.setLineWidth(1);
        gc.strokeRect(x - 0.5, y - 0.5, w + 1, h + 1);
        Font ticks = font(0.85 * f, false);
        double[] vs = {hi, map.center(), lo};
        for (int k = 0; k < 3; k++) {
            double Y = y + k * h / 2;
            gc.setStroke(theme.ink());
            gc.strokeLine(x + w, Y, x + w + 0.35 * f, Y);
            text(num(vs[k]), x + w + 0.5 * f, Y, ticks, theme.muted(), TextAlignment.LEFT);
        }
        double ly = y + h * (hi - map.level()) / (hi - lo);
        gc.setStroke(theme.ink());
        gc.setLineWidth(Math.max(2, 0.19 * f));
        gc.strokeLine(x - 0.3 * f, ly, x + w + 0.3 * f, ly);
    }

    /** One legend entry: a marker drawn by {@link #marker} and its text. */
    private record Item(int kind, Color color, String text) {
    }

    private void legend(Heatmap map, Dataset d, double w, double y) {
        Font font = font(0.9 * f, false);
        String level = map.isClassMap() ? "predicted-class boundary" : (map.output() ? "ŷ" : "a") + " = " + num(map.level());
        List<Item> items = new ArrayList<>();
        if (map.isClassMap()) {
            items.add(new Item(CIRCLE, HeatmapColors.classColor(0), "sample: true class"));
        } else if (d.targetSize() >= 2) {
            items.add(new Item(CIRCLE, HeatmapColors.classColor(0), "sample: its true class"));
        } else if (binary(d)) {
            items.add(new Item(CIRCLE, scale.positive(), "y = " + num(max(d))));
            items.add(new Item(SQUARE, scale.negative(), "y = " + num(min(d))));
        } else {
            items.add(new Item(CIRCLE, scale.positive(), "coloured by y"));
        }
        items.add(new Item(HOLLOW, theme.ink(), "test row"));
        items.add(new Item(LINE, theme.ink(), level));
        double icon = 1.5 * f;
        double gap = 1.4 * f;
        double total = -gap;
        for (Item it : items) {
            total += icon + width(it.text(), font) + gap;
        }
        double x = Math.max(0.5 * f, (w - total) / 2);
        double line = 0;
        for (Item it : items) {
            double iw = icon + width(it.text(), font);
            if (x + iw > w - 0.5 * f && x > 0.5 * f + 1) {
                x = 0.5 * f;
                line += 1.5 * f;
            }
            marker(it, x + 0.5 * f, y + line);
            text(it.text(), x + icon, y + line, font, theme.ink(), TextAlignment.LEFT);
            x += iw + gap;
        }
    }

    private static final int CIRCLE = 0;
    private static final int SQUARE = 1;
    private static final int HOLLOW = 2;
    private static final int LINE = 3;

    private void marker(Item it, double x, double y) {
        double r = 0.42 * f;
        gc.setLineWidth(Math.max(1, 0.08 * f));
        gc.setStroke(theme.ink());
        gc.setFill(it.color());
        switch (it.kind()) {
            case CIRCLE -> {
                gc.fillOval(x - r, y - r, 2 * r, 2 * r);
                gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            case SQUARE -> {
                gc.fillRect(x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
                gc.strokeRect(x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
            }
            case HOLLOW -> {
                gc.setLineWidth(Math.max(2, 0.16 * f));
                gc.setFill(theme.background());
                gc.fillOval(x - r, y - r, 2 * r, 2 * r);
                gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            default -> {
                gc.setLineWidth(Math.max(2, 0.19 * f));
                gc.strokeLine(x - 0.6 * f, y, x + 0.6 * f, y);
            }
        }
    }

    private static double max(Dataset d) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            m = Math.max(m, d.target(i, 0));
        }
        return m;
    }

    private static double min(Dataset d) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d.size(); i++) {
            m = Math.min(m, d.target(i, 0));
        }
        return m;
    }

    private static double width(String s, Font font) {
        return CanvasText.width(s, font);
    }

    private void text(String t, double x, double y, Font font, Color ink, TextAlignment align) {
        CanvasText.text(gc, t, x, y, font, ink, align);
    }

    static Font font(double size, boolean bold) {
        return CanvasText.font(size, bold);
    }

    /** @return 3 to 7 round tick values inside {@code [lo, hi]} */
    static double[] niceTicks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
            if (Math.abs(t[i]) < step * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }

    /** @return a tick or level as every number on screen is written ({@link NumberText#format(double)}) */
    static String num(double v) {
        return NumberText.format(v);
    }
}
