package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each activation's and loss's derivative against central differences of its value, and the names. */
class LossActivationTest {
    static final double STEP = 1e-6;
    /** Central differences with h = 1e-6 on functions of size ~1: truncation ~1e-12, rounding ~1e-10. */
    static final double DERIVATIVE_TOLERANCE = 1e-8;
    /** Grid points this close to a kink (ReLU at 0) are skipped. */
    static final double KINK = 1e-3;

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE)
    void activationDerivativeMatchesFiniteDifferences(Activation f) {
        for (double z = -5; z <= 5; z += 0.125) {
            if (Math.abs(z) < KINK) {
                continue;
            }
            double numeric = (f.value(z + STEP) - f.value(z - STEP)) / (2 * STEP);
            assertEquals(numeric, f.derivative(z), DERIVATIVE_TOLERANCE, f + " at z = " + z);
            assertEquals(f.derivative(z), f.derivative(z, f.value(z)), 0.0, f + " both derivative forms at " + z);
        }
    }

    @Test
    void activationValuesAtKnownPoints() {
        assertEquals(0.5, Activation.SIGMOID.value(0), 0);
        assertEquals(0.25, Activation.SIGMOID.derivative(0), 0);
        assertEquals(0.0, Activation.RELU.value(-3), 0);
        assertEquals(-0.03, Activation.LEAKY_RELU.value(-3), 1e-17);
        assertEquals(Activation.LEAK, Activation.LEAKY_RELU.derivative(-3), 0);
        assertEquals(Math.tanh(0.7), Activation.TANH.value(0.7), 0);
        assertEquals(2.5, Activation.LINEAR.value(2.5), 0);
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void lossGradientMatchesFiniteDifferences(Loss loss) {
        for (double y = 0; y <= 1; y += 0.25) {
            for (double yHat = 0.05; yHat < 0.96; yHat += 0.05) {
                double numeric = (loss.sampleValue(yHat + STEP, y) - loss.sampleValue(yHat - STEP, y)) / (2 * STEP);
                assertEquals(numeric, loss.sampleGradient(yHat, y), DERIVATIVE_TOLERANCE * Math.max(1, Math.abs(numeric)),
                        loss + " at ŷ = " + yHat + ", y = " + y);
            }
        }
    }

    @Test
    void batchFactorIsSumOrMean() {
        assertEquals(1.0, Loss.SSE.batchFactor(4), 0);
        assertEquals(0.25, Loss.MSE.batchFactor(4), 0);
        assertEquals(0.25, Loss.BCE.batchFactor(4), 0);
        assertEquals(0.09, Loss.SSE.sampleValue(0.7, 1.0), 1e-16);
        assertEquals(-Math.log(0.7), Loss.BCE.sampleValue(0.7, 1.0), 1e-16);
    }

    @Test
    void bceIsFiniteAtZeroAndOne() {
        for (double yHat : new double[] {0.0, 1.0, 1e-300, 1 - 1e-17}) {
            for (double y : new double[] {0.0, 0.5, 1.0}) {
                assertTrue(Double.isFinite(Loss.BCE.sampleValue(yHat, y)), "value at ŷ = " + yHat + ", y = " + y);
                assertTrue(Double.isFinite(Loss.BCE.sampleGradient(yHat, y)), "gradient at ŷ = " + yHat + ", y = " + y);
            }
        }
        assertTrue(Loss.BCE.sampleValue(0.0, 1.0) > 20, "a confident wrong answer costs a lot");
        assertEquals(0.0, Loss.BCE.sampleValue(1.0, 1.0), 1e-11);
    }

    @Test
    void namesRoundTripAndUnknownNamesAreRefused() {
        for (Activation a : Activation.values()) {
            assertSame(a, Activation.fromId(a.id()));
            assertSame(a, Activation.fromId(a.id().toUpperCase(java.util.Locale.ROOT)));
        }
        assertSame(Activation.LEAKY_RELU, Activation.fromId("leaky_relu"));
        for (Loss l : Loss.values()) {
            assertSame(l, Loss.fromId(l.id()));
        }
        for (Initializer i : Initializer.values()) {
            assertSame(i, Initializer.fromId(i.id()));
        }
        for (BatchMode b : new BatchMode[] {BatchMode.FULL, BatchMode.SAMPLE, BatchMode.miniBatch(32)}) {
            assertEquals(b, BatchMode.fromId(b.id()));
        }
        assertMessageNames("swish", () -> Activation.fromId("swish"));
        assertMessageNames("hinge", () -> Loss.fromId("hinge"));
        assertMessageNames("glorot", () -> Initializer.fromId("glorot"));
        assertMessageNames("half", () -> BatchMode.fromId("half"));
        assertMessageNames("null", () -> Activation.fromId(null));
    }

    static void assertMessageNames(String value, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(value), () -> "message '" + ex.getMessage() + "' names " + value);
    }
}
