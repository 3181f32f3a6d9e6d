package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Leader;

/**
 * Places text labels without overlaps: each label tries its candidate positions in order and takes the
 * first that is inside the area and clear of every obstacle, every label placed before and every leader line.
 * A label may also be placed off its edge with a leader line to it ({@link #placeWithLeader}); the leader
 * crosses no label and no obstacle. A label with no free position is not placed: the caller counts it (see
 * {@link SceneLabels}), nothing is dropped silently.
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

    /** Keeps labels and leader lines off the rectangle (x, y, w, h). */
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
    Label place(List<String> lines, Label.Kind kind, boolean dim, Color ink, EdgeRef edge, double... centres) {
        double w = textWidth(lines);
        double h = textHeight(lines);
        for (int i = 0; i + 1 < centres.length; i += 2) {
            double x = centres[i] - w / 2;
            double y = centres[i + 1] - h / 2;
            if (free(x, y, w, h)) {
                return add(new Label(x, y, w, h, List.copyOf(lines), kind, dim, ink, edge, null));
            }
        }
        return null;
    }

    /**
     * Places a label off its edge with a leader line from the box's nearest point to the edge's point
     * ({@code ax}, {@code ay}); the leader must cross no label and no obstacle.
     *
     * @param anchors for each candidate: the point of the edge it labels and the label's centre, as
     *                ax0, ay0, cx0, cy0, ax1, ...
     * @return the label placed at the first free candidate, or null if none was free
     */
    Label placeWithLeader(List<String> lines, Color ink, EdgeRef edge, double... anchors) {
        double w = textWidth(lines);
        double h = textHeight(lines);
        for (int i = 0; i + 3 < anchors.length; i += 4) {
            double ax = anchors[i];
            double ay = anchors[i + 1];
            double x = anchors[i + 2] - w / 2;
            double y = anchors[i + 3] - h / 2;
            if (!free(x, y, w, h)) {
                continue;
            }
            double bx = Math.max(x, Math.min(ax, x + w));
            double by = Math.max(y, Math.min(ay, y + h));
            Leader leader = new Leader(bx, by, ax, ay);
            if (leaderFree(leader)) {
                return add(new Label(x, y, w, h, List.copyOf(lines), Label.Kind.EDGE, false, ink, edge, leader));
            }
        }
        return null;
    }

    private Label add(Label l) {
        placed.add(l);
        return l;
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
            if (l.leader() != null && crosses(l.leader(), x - 2, y - 2, w + 4, h + 4)) {
                return false;
            }
        }
        return true;
    }

    /** @return true if the leader crosses no placed label and no obstacle (its end on the edge aside) */
    private boolean leaderFree(Leader leader) {
        for (Label l : placed) {
            if (crosses(leader, l.x() - 1, l.y() - 1, l.w() + 2, l.h() + 2)) {
                return false;
            }
        }
        for (double[] o : obstacles) {
            if (crosses(leader, o[0], o[1], o[2], o[3])) {
                return false;
            }
        }
        return true;
    }

    /** @return true if the segment of {@code l} passes through the rectangle (x, y, w, h) */
    static boolean crosses(Leader l, double x, double y, double w, double h) {
        // Liang–Barsky clipping of the segment against the rectangle
        double dx = l.x2() - l.x1();
        double dy = l.y2() - l.y1();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {l.x1() - x, x + w - l.x1(), l.y1() - y, y + h - l.y1()};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t0 < t1;
    }

    List<Label> placed() {
        return List.copyOf(placed);
    }
}
