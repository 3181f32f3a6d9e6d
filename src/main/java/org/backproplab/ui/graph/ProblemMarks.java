package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.problems.Detectors;
import org.backproplab.engine.problems.Problem;
import org.backproplab.session.LossCurve;
import org.backproplab.session.Snapshot;

/**
 * Training problems on the graph: the engine's {@link Detectors} run on a snapshot (the forward pass over every
 * sample, the gradients of the iteration shown, the loss curve), the neurons involved ringed with a dashed red
 * circle and a "!" beside it, and one line per problem saying what it means and what to try.
 */
final class ProblemMarks {
    /** The ring's colour, the same in both themes (with the dashes and the "!", never colour alone). */
    static final Color RING = Color.web("#d62728");

    private ProblemMarks() {
    }

    /** @return the problems the engine finds in {@code s} (none while nothing has been evaluated) */
    static List<Problem> of(Snapshot s) {
        if (s == null || s.diverged()) {
            return List.of();
        }
        IterationTrace gradients = s.preview() != null ? s.preview()
                : s.trace() != null && s.trace().isComplete() ? s.trace() : null;
        LossCurve c = s.losses();
        return Detectors.detect(s.network(), s.evaluation(), gradients, c == null ? null : c.iterations(),
                c == null ? null : c.losses());
    }

    /** @return one line per problem, the neurons named as on the graph */
    static String explain(List<Problem> problems, Snapshot s) {
        List<String> lines = new ArrayList<>();
        for (Problem p : problems) {
            lines.add("⚠ " + p.explain((l, j) -> NetworkViewModel.neuronName(s, l, j)));
        }
        return String.join("\n", lines);
    }

    /** Rings the neurons involved in {@code problems}. */
    static void paint(GraphicsContext gc, GraphScene scene, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        gc.save();
        gc.setStroke(RING);
        gc.setFill(RING);
        gc.setLineWidth(Math.max(2, scene.font() / 6));
        gc.setLineDashes(scene.font() / 2, scene.font() / 3);
        gc.setFont(javafx.scene.text.Font.font(GraphPainter.FAMILY, javafx.scene.text.FontWeight.BOLD, scene.font()));
        for (Problem p : problems) {
            for (int j : p.neurons()) {
                for (GraphScene.Neuron n : scene.neurons()) {
                    if (n.layer() == p.layer() && n.index() == j) {
                        double r = n.r() + scene.font() / 2.5;
                        gc.strokeOval(n.x() - r, n.y() - r, 2 * r, 2 * r);
                        gc.fillText("!", n.x() + r * 0.75, n.y() - r * 0.75);
                    }
                }
            }
        }
        gc.restore();
    }
}
