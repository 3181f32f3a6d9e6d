package org.backproplab.ui.lesson;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.problems.Detectors;
import org.backproplab.engine.problems.Problem;
import org.backproplab.io.LessonFile;
import org.backproplab.session.LossCurve;
import org.backproplab.session.Snapshot;
import org.backproplab.text.NumberText;

/**
 * Checks a lesson's goal against the state the session shows: every condition the goal gives must hold at once.
 * The training problems are the engine's {@link Detectors} on the same numbers the graph marks.
 */
final class GoalCheck {
    /**
     * @param reached true if every condition holds
     * @param what    the state in the goal's terms, e.g. "loss 0.0312, 4 hidden neurons, iteration 1500"
     */
    record Result(boolean reached, String what) {
    }

    private GoalCheck() {
    }

    static Result check(LessonFile.Goal g, Snapshot s) {
        boolean ok = true;
        List<String> what = new ArrayList<>();
        if (!Double.isNaN(g.lossBelow())) {
            ok &= s.loss() < g.lossBelow();
            what.add("loss " + NumberText.format(s.loss()));
        }
        if (!Double.isNaN(g.testLossBelow())) {
            double t = s.scores().testLoss();
            ok &= s.scores().hasTestSet() && t < g.testLossBelow();
            what.add(s.scores().hasTestSet() ? "test loss " + NumberText.format(t) : "no test set");
        }
        if (g.maxHidden() >= 0) {
            int hidden = hiddenNeurons(s);
            ok &= hidden <= g.maxHidden();
            what.add(hidden + (hidden == 1 ? " hidden neuron" : " hidden neurons"));
        }
        if (g.minIteration() >= 0) {
            ok &= s.iteration() >= g.minIteration();
        }
        if (g.diverged() != null) {
            ok &= s.diverged() == g.diverged();
            what.add(s.diverged() ? "diverged" : "not diverged");
        }
        if (!g.problems().isEmpty() || !g.noProblems().isEmpty()) {
            Set<Problem.Kind> found = problems(s);
            ok &= found.containsAll(g.problems());
            for (Problem.Kind k : g.noProblems()) {
                ok &= !found.contains(k);
            }
            what.add(found.isEmpty() ? "no training problem found"
                    : "found: " + String.join(", ", found.stream().map(Problem.Kind::title).toList()));
        }
        what.add("iteration " + s.iteration());
        return new Result(ok, String.join(", ", what));
    }

    /** @return the number of neurons in every layer but the output */
    static int hiddenNeurons(Snapshot s) {
        int n = 0;
        for (int l = 1; l < s.network().depth(); l++) {
            n += s.network().size(l);
        }
        return n;
    }

    /** @return the kinds of problem the engine finds in {@code s} (none after a divergence) */
    static Set<Problem.Kind> problems(Snapshot s) {
        Set<Problem.Kind> out = EnumSet.noneOf(Problem.Kind.class);
        if (s.diverged() || s.evaluation() == null) {
            return out;
        }
        IterationTrace gradients = s.preview() != null ? s.preview()
                : s.trace() != null && s.trace().isComplete() ? s.trace() : null;
        LossCurve c = s.losses();
        for (Problem p : Detectors.detect(s.network(), s.evaluation(), gradients, c == null ? null : c.iterations(),
                c == null ? null : c.losses())) {
            out.add(p.kind());
        }
        return out;
    }
}
