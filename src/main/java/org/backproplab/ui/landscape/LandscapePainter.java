package org.backproplab.ui.landscape;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backproplab.text.NumberText;
import org.backproplab.ui.Theme;
import org.backproplab.ui.common.CanvasText;

/**
 * Paints a {@link Landscape}: one cell per grid point in the colour of its loss ({@link LossScale}), lines of equal
 * loss, the path training took (oldest point a square marked "start", one dot per recorded point), the weights on
 * show ringed ("now", the ring's centre filled with the colour of their loss), the axes in weight units and a colour
 * bar labelled with losses. Every size is a multiple of the font size {@code f}, which follows the window's zoom.
 */
final class LandscapePainter {
    /** How many lines of equal loss are drawn. */
    static final int CONTOURS = 8;
    /** The colour bar's width, in font sizes. */
    static final double BAR_WIDTH = 1.1;

    private final GraphicsContext gc;
    private final double f;
    private final Theme theme;
    private double px;
    private double py;
    private double side;
    private double range;

    LandscapePainter(GraphicsContext gc, double fontSize, Theme theme) {
        this.gc = gc;
        this.f = fontSize;
        this.theme = theme;
    }

    /**
     * Where the parts of a picture were drawn, in canvas pixels.
     *
     * @param plotX  the left edge of the plot ({@code α = −r})
     * @param plotY  its top edge ({@code β = r})
     * @param side   its width and height
     * @param marker the centre of the ring around the weights on show
     * @param barX   the colour bar's left edge
     * @param barY   its top (the greatest loss)
     * @param barW   its width
     * @param barH   its height (the least loss at the bottom)
     */
    record Drawn(double plotX, double plotY, double side, Point2D marker, double barX, double barY, double barW,
                 double barH) {
    }

    /** @return where it was all drawn */
    Drawn paint(double w, double h, Landscape l) {
        gc.setFill(theme.background());
        gc.fillRect(0, 0, w, h);
        double left = 4.6 * f;
        double right = 9.0 * f;
        double top = 0.7 * f;
        double bottom = 4.4 * f;
        side = Math.max(40, Math.min(w - left - right, h - top - bottom));
        px = left + Math.max(0, (w - left - right - side) / 2);
        py = top;
        range = l.settings().range();
        LossScale scale = LossScale.of(l.loss());
        gc.save();
        gc.beginPath();
        gc.rect(px, py, side, side);
        gc.clip();
        cells(l, scale);
        contours(l, scale);
        path(l);
        gc.restore();
        Point2D now = marker(l, scale);
        axes(l);
        double barX = px + side + 1.2 * f;
        colourBar(scale, barX, py, side);
        key(l, w, py + side + 3.5 * f);
        return new Drawn(px, py, side, now, barX, py, BAR_WIDTH * f, side);
    }

    private double sx(double alpha) {
        return px + (alpha + range) / (2 * range) * side;
    }

    private double sy(double beta) {
        return py + (range - beta) / (2 * range) * side;
    }

    private void cells(Landscape l, LossScale scale) {
        int m = l.side();
        double cell = side / (m - 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                gc.setFill(scale.color(l.loss()[i][j]));
                double x = sx(l.alpha(i));
                double y = sy(l.alpha(j));
                gc.fillRect(Math.floor(x - cell / 2), Math.floor(y - cell / 2), Math.ceil(cell) + 1, Math.ceil(cell) + 1);
            }
        }
    }

    private void contours(Landscape l, LossScale scale) {
        int m = l.side();
        gc.setStroke(Color.rgb(255, 255, 255, 0.55));
        gc.setLineWidth(Math.max(1, 0.09 * f));
        for (double level : scale.levels(CONTOURS)) {
            for (double[] s : Contours.at(l.loss(), level)) {
                gc.strokeLine(gx(s[0], m), gy(s[1], m), gx(s[2], m), gy(s[3], m));
            }
        }
    }

    private double gx(double i, int m) {
        return px + i / (m - 1) * side;
    }

    private double gy(double j, int m) {
        return py + side - j / (m - 1) * side;
    }

    private void path(Landscape l) {
        int n = l.pathAlpha().length;
        if (n == 0) {
            return;
        }
        for (double[] stroke : new double[][] {{Math.max(3, 0.36 * f), 0}, {Math.max(1.5, 0.18 * f), 1}}) {
            gc.setStroke(stroke[1] == 0 ? Color.BLACK : Color.WHITE);
            gc.setLineWidth(stroke[0]);
            gc.beginPath();
            boolean open = false;
            for (int k = 0; k < n; k++) {
                double a = l.pathAlpha()[k];
                double b = l.pathBeta()[k];
                if (!Double.isFinite(a) || !Double.isFinite(b)) {
                    open = false;
                    continue;
                }
                if (open) {
                    gc.lineTo(sx(a), sy(b));
                } else {
                    gc.moveTo(sx(a), sy(b));
                    open = true;
                }
            }
            gc.stroke();
        }
        double r = Math.max(2, 0.2 * f);
        gc.setFill(Color.WHITE);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1);
        for (int k = 0; k < n; k++) {
            double x = sx(l.pathAlpha()[k]);
            double y = sy(l.pathBeta()[k]);
            gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
        double x = sx(l.pathAlpha()[0]);
        double y = sy(l.pathBeta()[0]);
        double q = 0.45 * f;
        gc.setLineWidth(Math.max(1.5, 0.12 * f));
        gc.fillRect(x - q, y - q, 2 * q, 2 * q);
        gc.strokeRect(x - q, y - q, 2 * q, 2 * q);
        outlined("start", x + 0.8 * f, y - 0.8 * f, font(0.95 * f, true), TextAlignment.LEFT);
    }

    /** The ring around the weights on show, its centre the colour of their loss. */
    private Point2D marker(Landscape l, LossScale scale) {
        double x = sx(0);
        double y = sy(0);
        double r = 0.75 * f;
        gc.setLineWidth(Math.max(3, 0.3 * f));
        gc.setStroke(Color.BLACK);
        gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
        gc.setLineWidth(Math.max(1.5, 0.15 * f));
        gc.setStroke(Color.WHITE);
        gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
        double c = 0.42 * f;
        gc.setFill(scale.color(l.centre()));
        gc.fillOval(x - c, y - c, 2 * c, 2 * c);
        outlined("now", x + 1.0 * f, y + 1.0 * f, font(0.95 * f, true), TextAlignment.LEFT);
        return new Point2D(x, y);
    }

    private void axes(Landscape l) {
        gc.setStroke(theme.muted());
        gc.setLineWidth(1);
        gc.strokeRect(px - 0.5, py - 0.5, side + 1, side + 1);
        Font ticks = font(0.85 * f, false);
        for (double t : ticks(l.offsetAlpha())) {
            double x = sx(t - l.offsetAlpha());
            gc.strokeLine(x, py + side, x, py + side + 0.35 * f);
            text(num(t), x, py + side + 1.0 * f, ticks, theme.muted(), TextAlignment.CENTER);
        }
        for (double t : ticks(l.offsetBeta())) {
            double y = sy(t - l.offsetBeta());
            gc.strokeLine(px - 0.35 * f, y, px, y);
            text(num(t), px - 0.55 * f, y, ticks, theme.muted(), TextAlignment.RIGHT);
        }
        Font names = font(f, true);
        text(l.alphaName(), px + side / 2, py + side + 2.1 * f, names, theme.ink(), TextAlignment.CENTER);
        CanvasText.upward(gc, l.betaName(), px - 3.7 * f, py + side / 2, names, theme.ink());
    }

    /** @return round values of the axis from {@code offset − r} to {@code offset + r} */
    private double[] ticks(double offset) {
        double step = LossScale.niceStep(2 * range / 5);
        double first = Math.ceil((offset - range) / step) * step;
        int n = (int) Math.floor((offset + range - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.abs(first + i * step) < step * 1e-9 ? 0 : first + i * step;
        }
        return t;
    }

    private void colourBar(LossScale scale, double x, double y, double h) {
        double w = BAR_WIDTH * f;
        int steps = (int) Math.max(2, h);
        for (int k = 0; k < steps; k++) {
            gc.setFill(scale.color(scale.value(1 - (k + 0.5) / steps)));
            gc.fillRect(x, y + k * h / steps, w, h / steps + 1);
        }
        gc.setStroke(theme.muted());
        gc.setLineWidth(1);
        gc.strokeRect(x - 0.5, y - 0.5, w + 1, h + 1);
        Font ticks = font(0.85 * f, false);
        List<Double> values = scale.ticks();
        for (double v : values) {
            double ty = y + (1 - scale.position(v)) * h;
            gc.setStroke(theme.ink());
            gc.strokeLine(x + w, ty, x + w + 0.35 * f, ty);
            text(num(v), x + w + 0.5 * f, ty, ticks, theme.muted(), TextAlignment.LEFT);
        }
        CanvasText.upward(gc, scale.isLog() ? "loss L (log scale)" : "loss L", x + w + 5.8 * f, y + h / 2, font(f, true),
                theme.ink());
    }

    /** One line under the plot saying what the marks are, shrunk to fit the width. */
    private void key(Landscape l, double w, double y) {
        String path = l.hasPath() ? "□ start → path of " + l.pathIterations().length + " points from iteration "
                + l.pathIterations()[0] : "path: being replayed …";
        String line = path + "   ◎ now: iteration " + l.iteration() + ", L = " + num(l.centre());
        double size = 0.95 * f;
        while (size > 0.6 * f && width(line, font(size, false)) > w - f) {
            size *= 0.93;
        }
        text(line, w / 2, y, font(size, false), theme.ink(), TextAlignment.CENTER);
    }

    private void outlined(String t, double x, double y, Font font, TextAlignment align) {
        gc.setTextAlign(align);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(font);
        CanvasText.haloed(gc, t, x, y, Math.max(2, 0.22 * f), Color.BLACK, Color.WHITE);
    }

    private void text(String t, double x, double y, Font font, Color ink, TextAlignment align) {
        CanvasText.text(gc, t, x, y, font, ink, align);
    }

    private static Font font(double size, boolean bold) {
        return CanvasText.font(size, bold);
    }

    private static double width(String s, Font font) {
        return CanvasText.width(s, font);
    }

    private static String num(double v) {
        return NumberText.format(v);
    }
}
