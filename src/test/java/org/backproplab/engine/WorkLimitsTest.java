package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The one bound on the work a network may ask of a data set: parameters × samples, and the activations of a pass. */
class WorkLimitsTest {
    private static List<LayerSpec> layers(Activation f, int... sizes) {
        return java.util.Arrays.stream(sizes).mapToObj(n -> new LayerSpec(n, f, true)).toList();
    }

    @Test
    void theWorkIsParametersTimesSamplesAndTheMessageSaysWhatFits() {
        List<LayerSpec> mnist = layers(Activation.SIGMOID, 512, 10);
        assertEquals(784L * 512 + 512 + 512 * 10 + 10, WorkLimits.parameters(784, mnist));
        assertEquals("784-512-10 on 60,000 samples is 2.44e10 multiply-adds per pass (parameters × samples): at most "
                + "5e8 are allowed, so that one pass stays under a second; this network fits at most 1,228 samples",
                WorkLimits.refusal(784, mnist, 60_000));
        assertNull(WorkLimits.refusal(784, mnist, 1_228));
        assertTrue(WorkLimits.refusal(784, mnist, 1_229).startsWith("784-512-10 on 1,229 samples is 5.003e8 multiply-adds"),
                WorkLimits.refusal(784, mnist, 1_229));
    }

    @Test
    void theActivationsOfAPassAreBoundedToo() {
        List<LayerSpec> wide = layers(Activation.TANH, 1_000, 1);
        assertEquals(1_003 + 4, WorkLimits.activationsPerSample(wide));
        assertEquals("1-1000-1 on 2,000 samples needs 2.01e6 activations per pass (samples × (neurons + 3 per layer)): "
                + "at most 1e6 are allowed, so that the buffers of one pass stay within about 32 MB; this network "
                + "fits at most 993 samples", WorkLimits.refusal(1, wide, 2_000));
        assertNull(WorkLimits.refusal(1, wide, 993));
        assertEquals("1-1000-1 on 994 probes needs 1.001e6 activations per pass (probes × (neurons + 3 per layer)): "
                + "at most 1e6 are allowed, so that the buffers of one pass stay within about 32 MB; this network "
                + "fits at most 993 probes", WorkLimits.refusal(1, wide, 994, "probe"));
    }

    @Test
    void theDigitsAndMnistNetworksOfLaterLessonsFit() {
        assertNull(WorkLimits.refusal(64, layers(Activation.SIGMOID, 32, 10), 1_797), "digits: 64-32-10 on 1,797");
        assertNull(WorkLimits.refusal(784, layers(Activation.RELU, 64, 10), 9_825), "784-64-10 on 9,825 MNIST samples");
        assertTrue(WorkLimits.refusal(784, layers(Activation.RELU, 64, 10), 9_826) != null);
        assertTrue(WorkLimits.parameters(64, layers(Activation.SIGMOID, 32, 10)) * 1_797 < WorkLimits.MAX_WORK / 100,
                "digits use under 1 % of the work");
    }

    /**
     * The file of the report: a million parameters on 500,000 samples. The trainer refuses it before its buffers
     * (terabytes) are allocated, with the limit in the message, instead of running out of memory.
     */
    @Test
    void aTrainerRefusesAMillionParametersOnHalfAMillionSamplesBeforeAllocating() {
        Network net = Network.create(1, layers(Activation.SIGMOID, 333_332, 1), Initializer.NORMAL, 1);
        RealMatrix x = MatrixUtils.createRealMatrix(500_000, 1);
        RealMatrix y = MatrixUtils.createRealMatrix(500_000, 1);
        TrainingConfig c = new TrainingConfig(Loss.MSE, 0.1, BatchMode.FULL, 0, false, Initializer.NORMAL, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(net, x, y, c));
        assertEquals("1-333332-1 on 500,000 samples is 5e11 multiply-adds per pass (parameters × samples): at most "
                + "5e8 are allowed, so that one pass stays under a second; this network fits at most 2 samples",
                e.getMessage());
    }

    @Test
    void addingRowsBeyondTheBoundIsRefusedAndChangesNothing() {
        Network net = Network.create(1, layers(Activation.TANH, 1_000, 1), Initializer.NORMAL, 1);
        TrainingConfig c = new TrainingConfig(Loss.MSE, 0.1, BatchMode.FULL, 0, false, Initializer.NORMAL, 1);
        Trainer t = new Trainer(net, MatrixUtils.createRealMatrix(993, 1), MatrixUtils.createRealMatrix(993, 1), c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.setData(MatrixUtils.createRealMatrix(994, 1), MatrixUtils.createRealMatrix(994, 1)));
        assertTrue(e.getMessage().startsWith("1-1000-1 on 994 samples needs 1.001e6 activations"), e.getMessage());
        assertEquals(993, t.sampleCount());
    }

    @Test
    void aGradientCheckMayDoTheWorkOfAHundredPassesAtTheBounds() {
        // 784-64-10 on a mini-batch of 32: P·batch = 1,628,480, so 100 · 5e8 / 1,628,480 = 30,703 evaluations
        long p = WorkLimits.parameters(784, layers(Activation.SIGMOID, 64, 10));
        assertEquals(30_703, WorkLimits.gradientCheckEvaluations(p, 80, 32));
        // 1-1000-1 on a batch of 100: the activations bind, 100 · 1e6 / (1,007 · 100) = 993
        assertEquals(993, WorkLimits.gradientCheckEvaluations(3_001, 1_007, 100));
    }
}
