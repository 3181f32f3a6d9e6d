package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The gradient check's cost: bounded to a number of loss evaluations (a sample of the parameters beyond it),
 * reported parameter by parameter, and stoppable between two evaluations.
 */
class GradientCheckBoundTest {
    /** Records every report and cancels once {@code stopAt} parameters are done (never if negative). */
    private static final class Recorder implements Progress {
        final List<long[]> reports = new ArrayList<>();
        final long stopAt;
        int asked;

        Recorder(long stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void advanced(long done, long total) {
            reports.add(new long[] {done, total});
        }

        @Override
        public boolean isCancelled() {
            asked++;
            return stopAt >= 0 && !reports.isEmpty() && reports.get(reports.size() - 1)[0] >= stopAt;
        }
    }

    /** A seeded random network (26 parameters) on 10 samples. */
    private static Trainer trainer(Activation hidden) {
        return Fixtures.randomTrainer(5, hidden, Activation.SIGMOID, Loss.MSE, BatchMode.FULL, true, 10, 0, false);
    }

    /** @return the names of every parameter in the order the check walks them: W1, b1, W2, b2, … */
    private static List<String> namesInOrder(Network net) {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            Layer layer = net.layer(l);
            for (int i = 0; i < layer.inputSize(); i++) {
                for (int j = 0; j < layer.size(); j++) {
                    names.add("W" + l + "[" + i + "][" + j + "]");
                }
            }
            for (int j = 0; layer.hasBias() && j < layer.size(); j++) {
                names.add("b" + l + "[" + j + "]");
            }
        }
        return names;
    }

    private static GradientCheck.Result run(Trainer t, Progress p, long evaluations) {
        Network net = t.network().copy();
        return GradientCheck.run(net, t.previewWorkspace(net), t.config().loss(), p, evaluations);
    }

    @Test
    void beyondItsEvaluationsTheCheckTakesAnEvenlySpacedSampleAndSaysSo() {
        Trainer t = trainer(Activation.TANH);
        List<String> all = namesInOrder(t.network());
        int p = all.size();
        GradientCheck.Result r = run(t, Progress.NONE, 20);
        assertEquals(10, r.entries().size(), "2 evaluations per parameter: 20 pay for 10");
        assertEquals(p, r.parameters());
        assertTrue(r.isSample());
        Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            expected.add(all.get((2 * i + 1) * p / 20)); // parameter ⌊(i + ½) · P / m⌋
        }
        assertEquals(expected, r.entries().stream().map(GradientCheck.Entry::name).collect(Collectors.toSet()));
        assertTrue(r.passes(), () -> r.entries().toString());

        GradientCheck.Result whole = run(t, Progress.NONE, 2L * p);
        assertEquals(p, whole.entries().size());
        assertFalse(whole.isSample());
    }

    @Test
    void aNetworkWithKinksPaysEightEvaluationsPerParameter() {
        GradientCheck.Result r = run(trainer(Activation.RELU), Progress.NONE, 80);
        assertEquals(10, r.entries().size(), "up to 4 steps of 2 evaluations each at a kink");
    }

    @Test
    void theBudgetIsTheWorkOfAHundredPassesAtTheBounds() {
        Trainer t = trainer(Activation.TANH);
        Network net = t.network();
        assertEquals(WorkLimits.gradientCheckEvaluations(net.parameterCount(),
                WorkLimits.activationsPerSample(net.specs()), 10), GradientCheck.evaluations(net, 10));
        assertEquals(namesInOrder(net).size(), GradientCheck.run(t).entries().size(), "a small network: all of it");
    }

    @Test
    void progressIsReportedParameterByParameter() {
        Recorder rec = new Recorder(-1);
        GradientCheck.Result r = run(trainer(Activation.TANH), rec, 20);
        assertEquals(11, rec.reports.size(), "once at the start, then after each of the 10");
        for (int k = 0; k <= 10; k++) {
            assertEquals(k, rec.reports.get(k)[0]);
            assertEquals(10, rec.reports.get(k)[1]);
        }
        assertTrue(rec.asked >= 2 * r.entries().size(), "asked before every evaluation");
    }

    @Test
    void aCancelStopsBeforeTheNextEvaluationAndRestoresTheNetwork() {
        Trainer t = trainer(Activation.TANH);
        Network net = t.network().copy();
        Network before = net.copy();
        Recorder rec = new Recorder(3);
        CancellationException e = assertThrows(CancellationException.class,
                () -> GradientCheck.run(net, t.previewWorkspace(net), t.config().loss(), rec, Long.MAX_VALUE));
        assertEquals("gradient check stopped after 3 of " + namesInOrder(net).size() + " parameters", e.getMessage());
        assertEquals(3, rec.reports.get(rec.reports.size() - 1)[0], "no parameter done after the cancel");
        assertTrue(net.sameAs(before), "every nudged parameter is put back");
    }

    @Test
    void aCancelThroughTheTrainerLeavesItAsItWas() {
        Trainer t = trainer(Activation.TANH);
        Network before = t.network().copy();
        Recorder rec = new Recorder(0);
        assertThrows(CancellationException.class, () -> GradientCheck.run(t, rec));
        assertTrue(t.network().sameAs(before));
        assertEquals(1, rec.reports.size(), "stopped before the first parameter");
    }
}
