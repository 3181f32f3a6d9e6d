package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Other activations on the same weights: {@code z} stays, {@code a = f(z)} changes; a trainer given them trains as a
 * trainer built with them, and a restored state brings its own activations back.
 */
class ActivationChangeTest {
    @Test
    void aTrainerGivenReluTrainsAsATrainerBuiltWithReluAndRestoresEitherSide() {
        Trainer changed = Fixtures.xor(3);
        Trainer built = new Trainer(changed.network().withActivations(changed.network().withHidden(Activation.RELU)),
                changed.inputs(), changed.targets(), changed.config());
        changed.train(5);
        built.restore(changed.state().withConfig(changed.config())); // same weights, sigmoid
        assertEquals(Activation.SIGMOID, built.network().layer(1).activation(), "the state's activations came back");
        TrainerState sigmoidAt5 = changed.state();
        changed.setActivations(changed.network().withHidden(Activation.RELU));
        built.setActivations(List.of(Activation.RELU, Activation.SIGMOID));
        assertTrue(changed.network().sameAs(built.network()));
        assertEquals(Activation.RELU, changed.network().layer(1).activation());
        assertTrue(sigmoidAt5.network().layer(1).weights().equals(changed.network().layer(1).weights()), "the same W");
        changed.train(40);
        built.train(40);
        assertTrue(changed.network().sameAs(built.network()), "bit for bit, ReLU");
        changed.restore(sigmoidAt5);
        assertEquals(Activation.SIGMOID, changed.network().layer(1).activation());
        assertEquals(5, changed.iteration());
    }

    @Test
    void onlyHiddenLayersOfTheSameSizesTakeAnotherActivation() {
        Network n = Fixtures.xor(1).network();
        assertEquals("hidden activation softmax is not allowed: expected one that acts on each neuron alone, sigmoid, "
                + "tanh, relu, leaky-relu or linear",
                assertThrows(IllegalArgumentException.class, () -> n.withHidden(Activation.SOFTMAX)).getMessage());
        assertEquals("1 activations for a network of 2 weight layers: expected one per layer",
                assertThrows(IllegalArgumentException.class, () -> n.withActivations(List.of(Activation.RELU))).getMessage());
        Network single = new Network(3, List.of(new Layer(3, 1, Activation.SIGMOID, false)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> single.withHidden(Activation.RELU)).getMessage()
                .startsWith("this network has no hidden layer"));
        Trainer t = Fixtures.xor(1);
        Trainer other = new Trainer(new Network(3, List.of(new Layer(3, 5, Activation.SIGMOID, false),
                new Layer(5, 1, Activation.SIGMOID, false))), new Array2DRowRealMatrix(t.inputs().getData()),
                new Array2DRowRealMatrix(t.targets().getData()), t.config());
        assertThrows(IllegalArgumentException.class, () -> t.restore(other.state()), "other sizes are refused");
    }
}
