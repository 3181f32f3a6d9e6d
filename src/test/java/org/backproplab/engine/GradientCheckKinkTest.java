package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.engine.GradientCheck.Entry;
import org.backproplab.engine.GradientCheck.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gradient check at a ReLU kink, on a network built by hand: 1 input, 2 hidden neurons of {@code f} with
 * biases, 1 linear output; 4 samples {@code x = 0.5, 1.5, 2, 1} in mini-batches of 2, the next one rows 2 and 3.
 * Hidden neuron 0 is {@code z = 0.8x + 0.3}, far from its kink; hidden neuron 1 is {@code z = x − 1 + offset},
 * which for sample 3 ({@code x = 1}) is {@code offset}: exactly at the kink for {@code offset = 0}, and close
 * enough to it for {@code offset = 3e-6} that the first step {@code h = 1e-5} crosses it and {@code h = 1e-6}
 * does not.
 */
class GradientCheckKinkTest {
    /** Sample 3 (the second of the batch) is the one whose neuron 1 sits at the kink. */
    static final int KINK_SAMPLE = 3;

    static Trainer handBuilt(Activation f, double offset) {
        TrainingConfig config = new TrainingConfig(Loss.MSE, 0.1, BatchMode.miniBatch(2), 0.0, false,
                Initializer.XAVIER, 1);
        Network net = Network.create(1, List.of(new LayerSpec(2, f, true), new LayerSpec(1, Activation.LINEAR, true)),
                config.init(), 1);
        Trainer t = new Trainer(net, MatrixUtils.createColumnRealMatrix(new double[] {0.5, 1.5, 2, 1}),
                MatrixUtils.createColumnRealMatrix(new double[] {0.3, 0.7, 0.2, 0.9}), config);
        t.setWeight(1, 0, 0, 0.8);
        t.setBias(1, 0, 0.3);
        t.setWeight(1, 0, 1, 1.0);
        t.setBias(1, 1, -1.0 + offset);
        t.setWeight(2, 0, 0, 0.6);
        t.setWeight(2, 1, 0, -0.4);
        t.setBias(2, 0, 0.1);
        t.setIteration(1); // the next batch is rows 2 and 3
        return t;
    }

    static Map<String, Entry> byName(GradientCheck.Result r) {
        return r.entries().stream().collect(Collectors.toMap(Entry::name, Function.identity()));
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "LEAKY_RELU"})
    void aStepThatAlwaysCrossesAKinkIsNotComparableAndNamesTheSampleAndNeuron(Activation f) {
        GradientCheck.Result r = GradientCheck.run(handBuilt(f, 0.0));
        Map<String, Entry> e = byName(r);
        assertEquals(7, e.size());
        for (String name : List.of("b1[1]", "W1[0][1]")) {
            Entry k = e.get(name);
            assertEquals(Status.KINK, k.status(), name + ": " + k);
            assertFalse(k.isComparable(), name);
            assertEquals(GradientCheck.MIN_STEP, k.step(), 1e-20, name + " tried down to the smallest step");
            assertEquals(KINK_SAMPLE, k.kink().sample(), name + " names the data-set row, not the batch row");
            assertEquals(1, k.kink().layer(), name);
            assertEquals(1, k.kink().neuron(), name);
            assertEquals(1, k.kink().count(), name + ": only z1[1] of sample 3 changes side");
            assertEquals("z1[1]", k.kink().preActivationName());
            assertTrue(k.relativeError() > GradientCheck.TOLERANCE,
                    name + ": the quotient straddling the kink disagrees, which is why it must not count as FAIL");
        }
        for (String name : List.of("W1[0][0]", "b1[0]", "W2[0][0]", "W2[1][0]", "b2[0]")) {
            assertEquals(Status.PASS, e.get(name).status(), name + ": " + e.get(name));
            assertNull(e.get(name).kink(), name);
        }
        assertEquals(2, r.count(Status.KINK));
        assertEquals(5, r.count(Status.PASS));
        assertEquals(0, r.count(Status.FAIL));
        assertTrue(r.passes(), "a kink is not a failure");
        assertEquals(Status.KINK, r.entries().get(0).status(), "kinks before passes");
        assertTrue(r.worst().isComparable(), "the worst error is of a comparable parameter");
        assertTrue(r.maxRelativeError() <= GradientCheck.TOLERANCE);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "LEAKY_RELU"})
    void aSmallerStepThatCrossesNoKinkIsCompared(Activation f) {
        GradientCheck.Result r = GradientCheck.run(handBuilt(f, 3e-6));
        Map<String, Entry> e = byName(r);
        for (String name : List.of("b1[1]", "W1[0][1]")) {
            Entry k = e.get(name);
            assertEquals(Status.PASS, k.status(), name + ": " + k);
            assertEquals(1e-6, k.step(), 1e-18, name + " compared at h/10");
            assertNotNull(k.kink(), name + " says why the first step was not used");
            assertEquals(1e-5, k.kink().step(), 1e-17, name);
            assertEquals(KINK_SAMPLE, k.kink().sample(), name);
            assertEquals(1, k.kink().neuron(), name);
            assertTrue(k.relativeError() <= GradientCheck.TOLERANCE, name + ": " + k);
        }
        assertEquals(7, r.count(Status.PASS));
        assertEquals(1e-5, e.get("W2[1][0]").step(), 1e-17, "a parameter whose step crosses nothing keeps h");
    }

    /** The same network with one gradient deliberately wrong, through the package's seam. */
    static GradientCheck.Result withWrongGradient(Trainer t, int layer, int from, int to, double error) {
        Network net = t.network().copy();
        Workspace w = t.previewWorkspace(net);
        if (from < 0) {
            w.gradB[layer][to] += error;
        } else {
            w.gradW[layer][from][to] += error;
        }
        return GradientCheck.run(net, w, t.config().loss());
    }

    @Test
    void aRealDisagreementStillFails() {
        GradientCheck.Result smooth = withWrongGradient(handBuilt(Activation.RELU, 3e-6), 2, 0, 0, 1e-3);
        Entry wrong = byName(smooth).get("W2[0][0]");
        assertEquals(Status.FAIL, wrong.status(), wrong::toString);
        assertEquals(wrong, smooth.entries().get(0), "failures first");
        assertEquals(wrong, smooth.worst());
        assertFalse(smooth.passes());
        assertEquals(1, smooth.count(Status.FAIL));

        GradientCheck.Result retried = withWrongGradient(handBuilt(Activation.RELU, 3e-6), 1, -1, 1, 1e-3);
        Entry b = byName(retried).get("b1[1]");
        assertEquals(Status.FAIL, b.status(), "compared at the smaller step, and wrong there: " + b);
        assertEquals(1e-6, b.step(), 1e-18);
        assertFalse(retried.passes());
    }

    @Test
    void smoothLayersHaveNoKinks() {
        Trainer t = handBuilt(Activation.SIGMOID, 0.0);
        GradientCheck.Result r = GradientCheck.run(t);
        assertEquals(7, r.count(Status.PASS), () -> r.entries().toString());
        assertTrue(r.entries().stream().allMatch(e -> e.kink() == null && e.step() == GradientCheck.STEP
                * Math.max(1, Math.abs(e.isBias() ? t.network().layer(e.layer()).bias(e.to())
                : t.network().layer(e.layer()).weight(e.from(), e.to())))));
    }
}
