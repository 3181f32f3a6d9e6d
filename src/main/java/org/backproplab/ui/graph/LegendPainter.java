package org.backproplab.ui.graph;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.TextAlignment;
import org.backproplab.ui.Theme;

/**
 * The legend in the bottom-left corner of the graph: the weight colour scale from −r to +r with ticks,
 * "dashed = negative", "width = |w|", what the neuron fill means and what the numbers are.
 */
final class LegendPainter {
    private LegendPainter() {
    }

    static void paint(GraphicsContext gc, GraphScene s, double f) {
        GraphScene.Legend l = s.legend();
        Theme t = s.theme();
        double x = 12;
        double barW = 11 * f;
        double barH = 0.75 * f;
        double y = s.height() - 3.5 * f;
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
        String[] ticks = {GraphText.num(-l.range()), "0", GraphText.num(l.range())};
        for (int i = 0; i < 3; i++) {
            double tx = x + barW * i / 2.0;
            gc.strokeLine(tx, y + barH, tx, y + barH + 4);
            gc.setTextAlign(i == 0 ? TextAlignment.LEFT : i == 1 ? TextAlignment.CENTER : TextAlignment.RIGHT);
            gc.fillText(ticks[i], tx, y + barH + 0.95 * f);
        }
        double x2 = x + barW + 1.4 * f;
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
        double x3 = x2 + 2.9 * f + 10 * f;
        gc.setFill(t.ink());
        gc.fillText(l.fillTitle(), x3, y - 0.9 * f);
        double bw = 5 * f;
        gc.setFill(new LinearGradient(x3, 0, x3 + bw, 0, false, CycleMethod.NO_CYCLE,
                new Stop(0, t.activationLow()), new Stop(1, t.activationHigh())));
        gc.fillRoundRect(x3, y, bw, barH, 4, 4);
        gc.setStroke(t.muted());
        gc.strokeRoundRect(x3, y, bw, barH, 4, 4);
        gc.setFill(t.muted());
        gc.setFont(GraphPainter.font(f * 0.85, false));
        gc.fillText("0", x3, y + barH + 0.95 * f);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText("1", x3 + bw, y + barH + 0.95 * f);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(l.fillOther(), x3 + bw + 0.8 * f, y + barH / 2);
        x3 += Math.max(12 * f, bw + 0.8 * f + l.fillOther().length() * 0.55 * f + 1.5 * f);
        gc.setFont(GraphPainter.font(f * 0.9, false));
        if (!l.numbers().isEmpty()) {
            gc.setFill(t.muted());
            gc.fillText(l.numbers(), x3, y - 0.9 * f);
        }
    }
}
