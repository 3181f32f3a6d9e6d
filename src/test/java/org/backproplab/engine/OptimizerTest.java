package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/**
 * Two updates of every optimiser and regulariser against values worked out by hand for a network small enough to
 * follow: one linear neuron {@code ŷ = x w + b} with {@code w = 0.5}, {@code b = 0.1}, trained on
 * {@code x = (1, 2)}, {@code y = (1, 0)} with the MSE loss over the full batch and {@code η = 0.1}. Then
 * {@code ∂L/∂ŷ_r = 2(ŷ_r − y_r)/2 = ŷ_r − y_r}, {@code ∂L/∂w = Σ x_r (ŷ_r − y_r)}, {@code ∂L/∂b = Σ (ŷ_r − y_r)}.
 *
 * <p>Update 1 (every optimiser starts from the same point): {@code ŷ = (0.6, 1.1)}, {@code ŷ − y = (−0.4, 1.1)},
 * {@code g_w = −0.4 + 2.2 = 1.8}, {@code g_b = 0.7}. The numbers of update 2 follow from the weights after update 1;
 * they were worked out with numpy in float64 (the script is in each test's comment) and pasted as literals.
 */
class OptimizerTest {
    private static final double ETA = 0.1;
    /** Both computations do the same few float64 operations, not always in the same order. */
    private static final double TOL = 1e-15;

    private static Trainer neuron(Optimizer o, Regularization r) {
        Network net = Network.create(1, List.of(new LayerSpec(1, Activation.LINEAR, true)), Initializer.XAVIER, 1);
        TrainingConfig c = new TrainingConfig(Loss.MSE, ETA, BatchMode.FULL, 0.0, false, Initializer.XAVIER, 1)
                .withOptimizer(o).withRegularization(r);
        Trainer t = new Trainer(net, MatrixUtils.createRealMatrix(new double[][] {{1}, {2}}),
                MatrixUtils.createRealMatrix(new double[][] {{1}, {0}}), c);
        t.setWeight(1, 0, 0, 0.5);
        t.setBias(1, 0, 0.1);
        return t;
    }

    /** Steps once and checks {@code g}, {@code w} and {@code b} after the step. */
    private static void step(Trainer t, double gw, double gb, double w, double b) {
        t.step();
        IterationTrace tr = t.trace();
        long k = t.iteration();
        assertEquals(gw, tr.weightGradients().get(1).getEntry(0, 0), TOL, "∂L/∂w of update " + k);
        assertEquals(gb, tr.biasGradients().get(1).getEntry(0), TOL, "∂L/∂b of update " + k);
        assertEquals(w, t.network().layer(1).weights().getEntry(0, 0), TOL, "w after update " + k);
        assertEquals(b, t.network().layer(1).bias().getEntry(0), TOL, "b after update " + k);
    }

    private static double state(Trainer t, OptimizerState.Slot s, boolean bias) {
        OptimizerState o = t.optimizerState();
        return bias ? o.bias(s, 1, 0) : o.weight(s, 1, 0, 0);
    }

    @Test
    void sgd() {
        // w ← w − η g: w = 0.5 − 0.18 = 0.32, b = 0.1 − 0.07 = 0.03;
        // then ŷ = (0.35, 0.67), ŷ − y = (−0.65, 0.67): g_w = −0.65 + 1.34 = 0.69, g_b = 0.02; w = 0.251, b = 0.028
        Trainer t = neuron(Optimizer.sgd(), Regularization.NONE);
        step(t, 1.8, 0.7, 0.32, 0.03);
        step(t, 0.69, 0.02, 0.251, 0.028);
        assertTrue(t.optimizerState().isEmpty(), "gradient descent remembers nothing");
    }

    @Test
    void momentum() {
        // v ← 0.9 v − η g: v = (−0.18, −0.07), w = 0.32, b = 0.03 (as SGD);
        // then g = (0.69, 0.02): v = (−0.162 − 0.069, −0.063 − 0.002) = (−0.231, −0.065); w = 0.089, b = −0.035
        Trainer t = neuron(Optimizer.momentum(0.9), Regularization.NONE);
        step(t, 1.8, 0.7, 0.32, 0.03);
        step(t, 0.69, 0.02, 0.089, -0.035);
        assertEquals(-0.231, state(t, OptimizerState.Slot.VELOCITY, false), TOL);
        assertEquals(-0.065, state(t, OptimizerState.Slot.VELOCITY, true), TOL);
        assertEquals(-0.065, t.trace().biasUpdates().get(1).getEntry(0), TOL, "Δb shown = v");
    }

    @Test
    void nesterov() {
        // v = (−0.18, −0.07); w ← w + 0.9 v − η g = 0.5 − 0.162 − 0.18 = 0.158, b = 0.1 − 0.063 − 0.07 = −0.033;
        // then ŷ = (0.125, 0.283), ŷ − y = (−0.875, 0.283): g_w = −0.309, g_b = −0.592;
        // v = (−0.162 + 0.0309, −0.063 + 0.0592) = (−0.1311, −0.0038); w = 0.158 − 0.11799 + 0.0309 = 0.07091,
        // b = −0.033 − 0.00342 + 0.0592 = 0.02278
        Trainer t = neuron(Optimizer.nesterov(0.9), Regularization.NONE);
        step(t, 1.8, 0.7, 0.158, -0.033);
        step(t, -0.309, -0.592, 0.07091, 0.02278);
        assertEquals(-0.1311, state(t, OptimizerState.Slot.VELOCITY, false), TOL);
        assertEquals(-0.0038, state(t, OptimizerState.Slot.VELOCITY, true), 1e-16);
        assertEquals(0.9 * -0.1311 - ETA * -0.309, t.trace().weightUpdates().get(1).getEntry(0, 0), TOL,
                "ΔW shown = μ v − η g");
    }

    @Test
    void rmsprop() {
        // s = 0.1 g² = (0.324, 0.049); w = 0.5 − 0.1·1.8/(√0.324 + 1e-8) = 0.18377223953871757,
        // b = 0.1 − 0.07/(√0.049 + 1e-8) = −0.21622775173112427;
        // numpy: s = 0.9 s + 0.1 g² with g = (−0.7298220574997849, −0.8811387848460958)
        //        → s = (0.34486402356132206, 0.12174055581600543), w = 0.3080498894454592, b = 0.03631020676101018
        Trainer t = neuron(Optimizer.rmsprop(0.9, 1e-8), Regularization.NONE);
        step(t, 1.8, 0.7, 0.18377223953871757, -0.21622775173112427);
        step(t, -0.7298220574997849, -0.8811387848460958, 0.3080498894454592, 0.03631020676101018);
        assertEquals(0.34486402356132206, state(t, OptimizerState.Slot.MEAN_SQUARE, false), TOL);
        assertEquals(0.12174055581600543, state(t, OptimizerState.Slot.MEAN_SQUARE, true), TOL);
    }

    @Test
    void adam() {
        // t = 1: m = 0.1 g = (0.18, 0.07), v = 0.001 g² = (0.00324, 0.00049); m̂ = g, v̂ = g², so the step is
        // −η g/(|g| + 1e-8) ≈ −η: w = 0.5 − 0.1·1.8/(1.8 + 1e-8) = 0.40000000055555546,
        // b = 0.1 − 0.1·0.7/(0.7 + 1e-8) = 1.4285713584305526e-09;
        // numpy, t = 2: g = (1.0000000070634913, 0.20000000452380906), m = (0.2620000007063492, 0.08300000045238093),
        //        v = (0.004236760014126984, 0.0005295100018095237), w = 0.3052809898744724, b = −0.08487773685329025
        Trainer t = neuron(Optimizer.adam(0.9, 0.999, 1e-8), Regularization.NONE);
        step(t, 1.8, 0.7, 0.40000000055555546, 1.4285713584305526e-09);
        assertEquals(1, t.optimizerState().adamStep());
        step(t, 1.0000000070634913, 0.20000000452380906, 0.3052809898744724, -0.08487773685329025);
        assertEquals(2, t.optimizerState().adamStep());
        assertEquals(0.2620000007063492, state(t, OptimizerState.Slot.FIRST_MOMENT, false), TOL);
        assertEquals(0.08300000045238093, state(t, OptimizerState.Slot.FIRST_MOMENT, true), TOL);
        assertEquals(0.004236760014126984, state(t, OptimizerState.Slot.SECOND_MOMENT, false), TOL);
        assertEquals(0.0005295100018095237, state(t, OptimizerState.Slot.SECOND_MOMENT, true), TOL);
        assertEquals(0.3052809898744724 - 0.40000000055555546, t.trace().weightUpdates().get(1).getEntry(0, 0), 1e-15,
                "ΔW shown = the step taken");
    }

    @Test
    void l2AddsLambdaWToTheGradientAndHalfLambdaWSquaredToTheLoss() {
        // λ = 0.1: g_w = 1.8 + 0.1·0.5 = 1.85 (g_b has no penalty), w = 0.5 − 0.185 = 0.315, b = 0.03;
        // then ŷ = (0.345, 0.66), ŷ − y = (−0.655, 0.66): g_w = 0.665 + 0.0315 = 0.6965, g_b = 0.005
        Trainer t = neuron(Optimizer.sgd(), Regularization.l2(0.1));
        double loss = t.step();
        // L_data = (0.16 + 1.21)/2 = 0.685, Ω = 0.05·0.25 = 0.0125
        IterationTrace tr = t.trace();
        assertEquals(0.685, tr.dataLoss(), TOL);
        assertEquals(0.0125, tr.penalty(), TOL);
        assertEquals(0.6975, loss, TOL);
        assertEquals(0.315, t.network().layer(1).weights().getEntry(0, 0), TOL);
        step(t, 0.6965, 0.005, 0.24534999999999996, 0.0295);
    }

    @Test
    void l1AddsLambdaSignWToTheGradient() {
        // λ = 0.1: g_w = 1.8 + 0.1 = 1.9, w = 0.31, b = 0.03; then ŷ = (0.34, 0.65): g_w = −0.66 + 1.3 + 0.1 = 0.74,
        // g_b = −0.01; w = 0.236, b = 0.031. Ω = λ|w| = 0.05 at the start.
        Trainer t = neuron(Optimizer.sgd(), Regularization.l1(0.1));
        step(t, 1.9, 0.7, 0.31, 0.03);
        assertEquals(0.05, t.trace().penalty(), TOL);
        step(t, 0.74, -0.01, 0.236, 0.031);
        assertEquals(0.0, Regularization.l1(0.1).gradient(0.0), "sign(0) = 0");
    }

    @Test
    void theSevenArgumentConstructorMeansMomentumOrGradientDescent() {
        TrainingConfig m = new TrainingConfig(Loss.MSE, ETA, BatchMode.FULL, 0.7, false, Initializer.XAVIER, 1);
        assertEquals(Optimizer.momentum(0.7), m.optimizer());
        assertEquals(0.7, m.momentum());
        assertEquals(Regularization.NONE, m.regularization());
        TrainingConfig s = new TrainingConfig(Loss.MSE, ETA, BatchMode.FULL, 0.0, false, Initializer.XAVIER, 1);
        assertEquals(Optimizer.sgd(), s.optimizer());
        assertEquals(Optimizer.sgd(), m.withMomentum(0).optimizer());
        assertEquals(Optimizer.nesterov(0.5), m.withOptimizer(Optimizer.nesterov(0.9)).withMomentum(0.5).optimizer());
        assertEquals(0.0, m.withOptimizer(Optimizer.of(Optimizer.Kind.ADAM)).momentum(), "Adam has no μ");
    }

    @Test
    void refusedParametersNameTheValueAndTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(0.9, 1.0, 1e-8));
        assertEquals("β2 1.0 of Adam is not allowed: expected 0 ≤ β2 < 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.rmsprop(0.9, 0));
        assertEquals("ε 0.0 of RMSProp is not allowed: expected 0 < ε ≤ 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regularization.l2(-1));
        assertEquals("λ -1.0 is not allowed: expected a finite number ≥ 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizer.Kind.fromId("adagrad"));
    }
}
