package org.backproplab.ui.graph;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.backproplab.ui.Theme;
import org.backproplab.text.NumberText;

/**
 * The legend in the bottom-left corner of the graph: the weight colour scale from −r to +r with ticks,
 * "dashed = negative", "width = |w|", what the neuron fill means and what the numbers are; in two rows when
 * the graph is too narrow for one. {@link GraphLayout} reserves its height so no label overlaps it.
 */
final class LegendPainter {
    private LegendPainter() {
    }

    /** Left margin of the legend. */
    private static final double X = 12;
    /** Distance between the two rows, in fonts (title, bar and tick labels of a row, and a gap). */
    private static final double ROW = 3.6;
    /** Approximate advance of one character, in fonts (DejaVu Sans at 0.9 of the graph font). */
    private static final double CHAR = 0.55;

    /** @return the legend's height in fonts for {@code rows} rows (the graph keeps this much free at the bottom) */
    static double height(int rows) {
        return rows <= 1 ? 5.1 : 5.1 + ROW;
    }

    /** @return 1 if the legend fits in one row of {@code width} at font {@code f}, else 2 */
    static int rows(GraphScene.Legend l, double f, double width) {
        return X + scaleWidth(f) + signsWidth(f) + fillWidth(l, f) + numbersWidth(l, f) + X <= width ? 1 : 2;
    }

    private static double scaleWidth(double f) {
        return 11 * f + 1.4 * f;
    }

    private static double signsWidth(double f) {
        return 2.9 * f + 10 * f;
    }

    private static double fillWidth(GraphScene.Legend l, double f) {
        double bw = 5 * f;
        return Math.max(12 * f, Math.max(bw + 0.8 * f + l.fillOther().length() * CHAR * f + 1.5 * f,
                l.fillTitle().length() * CHAR * f + 1.5 * f));
    }

    private static double numbersWidth(GraphScene.Legend l, double f) {
        return l.numbers().length() * CHAR * f;
    }

    /**
     * Paints the legend in the space {@link GraphLayout} left free: one row, or two (colour scale and line
     * styles; neuron fill and numbers) when one would not fit the width.
     */
    static void paint(GraphicsContext gc, GraphScene s, double f) {
        GraphScene.Legend l = s.legend();
        if (l == null) {
            return; // no room for it (see GraphLayout.legendRows)
        }
        Theme t = s.theme();
        int rows = rows(l, f, s.width());
        double y = s.height() - 3.5 * f;
        double y1 = rows == 1 ? y : y - ROW * f;
        double x = paintSigns(gc, l, t, paintScale(gc, l, t, X, y1, f), y1, f);
        if (rows == 2) {
            x = X;
        }
        x = paintFill(gc, l, t, x, y, f);
        gc.setFont(GraphPainter.font(f * 0.9, false));
        if (!l.numbers().isEmpty()) {
            gc.setFill(t.muted());
            gc.fillText(l.numbers(), x, y - 0.9 * f);
        }
    }

    /** The weight colour scale from −r to +r with ticks; @return x after it */
    private static double paintScale(GraphicsContext gc, GraphScene.Legend l, Theme t, double x, double y, double f) {
        double barW = 11 * f;
        double barH = 0.75 * f;
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(GraphPainter.font(f * 0.9, true));
        gc.setFill(t.ink());
        gc.fillText("weight w", x, y - 0.9 * f);
        int n = 24;
        Stop[] stops = new Stop[n + 1];
        for (int i = 0; i <= n; i++) {
            double v = -l.range() + 2 * l.range() * i / n;
            stops[i] = new Stop((double) i / n, l.scale().color(v, l.range()));
        }
        gc.setFill(new LinearGradient(x, 0, x + barW, 0, false, CycleMethod.NO_CYCLE, stops));
        gc.fillRoundRect(x, y, barW, barH, 4, 4);
        gc.setFont(GraphPainter.font(f * 0.85, false));
        gc.setFill(t.muted());
        gc.setStroke(t.muted());
        gc.setLineWidth(1);
        for (int i = 0; i < 3; i++) {
            double tx = x + barW * i / 2.0;
            gc.strokeLine(tx, y + barH, tx, y + barH + 4);
        }
        for (Tick tick : ticks(l.range(), x, barW, f)) {
            gc.setTextAlign(tick.align());
            gc.fillText(tick.text(), tick.anchor(), y + barH + 0.95 * f);
        }
        return x + scaleWidth(f);
    }

    /**
     * A tick label under the colour bar.
     *
     * @param anchor where it is drawn, with {@code align}
     * @param left   where its text starts
     * @param right  where its text ends
     */
    record Tick(String text, double anchor, TextAlignment align, double left, double right) {
    }

    /**
     * @return the labels of the colour bar from {@code x}, {@code barW} wide: −r at its left end, 0 in the middle,
     *         +r at its right end, never overlapping: at a large r (a weight of 1e300) with fewer digits, and
     *         without the 0 if the ends still leave it no room
     */
    static List<Tick> ticks(double range, double x, double barW, double f) {
        Font font = GraphPainter.font(f * 0.85, false);
        double gap = 0.4 * f;
        for (int digits = GraphText.DIGITS; ; digits--) {
            String lo = NumberText.format(-range, digits);
            String hi = NumberText.format(range, digits);
            double wl = width(lo, font);
            double wh = width(hi, font);
            Tick left = new Tick(lo, x, TextAlignment.LEFT, x, x + wl);
            Tick right = new Tick(hi, x + barW, TextAlignment.RIGHT, x + barW - wh, x + barW);
            double w0 = width("0", font);
            double mid = x + barW / 2;
            Tick zero = new Tick("0", mid, TextAlignment.CENTER, mid - w0 / 2, mid + w0 / 2);
            if (left.right() + gap <= zero.left() && zero.right() + gap <= right.left()) {
                return List.of(left, zero, right);
            }
            if (left.right() + gap <= right.left() || digits == 1) {
                return List.of(left, right);
            }
        }
    }

    private static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** "dashed = negative" and "width = |w|"; @return x after them */
    private static double paintSigns(GraphicsContext gc, GraphScene.Legend l, Theme t, double x2, double y, double f) {
        gc.setStroke(l.scale().negative());
        gc.setLineWidth(3);
        gc.setLineDashes(7, 4);
        gc.strokeLine(x2, y - 0.9 * f, x2 + 2.4 * f, y - 0.9 * f);
        gc.setLineDashes();
        gc.setStroke(t.muted());
        gc.setLineWidth(1);
        gc.strokeLine(x2, y + 0.45 * f, x2 + 2.4 * f, y + 0.45 * f);
        gc.setLineWidth(7);
        gc.strokeLine(x2 + 0.9 * f, y + 0.45 * f, x2 + 2.4 * f, y + 0.45 * f);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(GraphPainter.font(f * 0.9, false));
        gc.setFill(t.ink());
        gc.fillText("dashed = negative", x2 + 2.9 * f, y - 0.9 * f);
        gc.fillText("width = |w|", x2 + 2.9 * f, y + 0.45 * f);
        return x2 + signsWidth(f);
    }

    /** What the neuron fill means, with its 0–1 bar; @return x after it */
    private static double paintFill(GraphicsContext gc, GraphScene.Legend l, Theme t, double x3, double y, double f) {
        double barH = 0.75 * f;
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(GraphPainter.font(f * 0.9, false));
        gc.setFill(t.ink());
        gc.fillText(l.fillTitle(), x3, y - 0.9 * f);
        double bw = 5 * f;
        gc.setFill(new LinearGradient(x3, 0, x3 + bw, 0, false, CycleMethod.NO_CYCLE,
                new Stop(0, t.activationLow()), new Stop(1, t.activationHigh())));
        gc.fillRoundRect(x3, y, bw, barH, 4, 4);
        gc.setStroke(t.muted());
        gc.setLineWidth(1);
        gc.strokeRoundRect(x3, y, bw, barH, 4, 4);
        gc.setFill(t.muted());
        gc.setFont(GraphPainter.font(f * 0.85, false));
        gc.fillText("0", x3, y + barH + 0.95 * f);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText("1", x3 + bw, y + barH + 0.95 * f);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(l.fillOther(), x3 + bw + 0.8 * f, y + barH / 2);
        return x3 + fillWidth(l, f);
    }
}
