package org.backproplab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.text.NumberText;
import org.backproplab.ui.UiState.EdgeRef;
import org.junit.jupiter.api.Test;

/**
 * The derivation of a softmax output: the softmax formula (never σ), the cross-entropy loss and the short cut
 * δ = (ŷ − y)/n, or the softmax Jacobian with another loss, each with the engine's numbers.
 */
class SoftmaxFormulasTest {

    private static Formulas formulas(Loss loss) {
        Scenario s = Presets.get("three-clusters");
        s = s.withConfig(s.config().withLoss(loss));
        Trainer t = s.createTrainer();
        Network before = t.network().copy();
        IterationTrace trace = t.preview();
        return new Formulas(before, s.dataset(), trace, loss, s.config().learningRate(), 0, 4, new EdgeRef(2, 1, 2));
    }

    private static String joined(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void theForwardPassOfASoftmaxLayerShowsSoftmaxNotSigmoid() {
        Scenario s = Presets.get("three-clusters");
        Trainer t = s.createTrainer();
        IterationTrace trace = t.preview();
        String f = joined(formulas(Loss.CROSS_ENTROPY).forward(2));
        assertTrue(f.contains("a_j = softmax(z)_j = e^(z_j) / Σ_k e^(z_k)"), f);
        assertFalse(f.contains("σ"), "no sigmoid for a softmax layer: " + f);
        int row = java.util.Arrays.stream(trace.samples()).boxed().toList().indexOf(4);
        assertTrue(f.endsWith(" = " + NumberText.format(trace.activations().get(2).getEntry(row, 2))), f);
    }

    @Test
    void crossEntropyShowsItsLossAndTheShortCutForDelta() {
        Formulas fm = formulas(Loss.CROSS_ENTROPY);
        String loss = joined(fm.loss());
        assertTrue(loss.contains("ℓ = −Σ_k y_k·ln ŷ_k"), loss);
        assertTrue(loss.contains("∂L/∂ŷ = −y/ŷ/n"), loss);
        String back = joined(fm.backward(2));
        assertTrue(back.contains("δ_j = ∂L/∂z_j = (ŷ_j − y_j)/n"), back);
        assertFalse(back.contains("σ'") || back.contains("softmax'"), "no element-wise derivative: " + back);
    }

    @Test
    void anotherLossShowsTheSoftmaxJacobian() {
        String back = joined(formulas(Loss.MSE).backward(2));
        assertTrue(back.contains("ŷ_j (∂L/∂ŷ_j − Σ_k ∂L/∂ŷ_k·ŷ_k)"), back);
    }
}
