package org.backproplab.ui.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;

/** The optimiser and the regularization in the architecture editor of the real window, chosen and typed. */
@ExtendWith(ApplicationExtension.class)
class OptimizerChoiceFxTest extends FxRobot {
    private ClassroomFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ClassroomFixture.start(this);
        press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        fx.settle();
    }

    @AfterEach
    void stop() throws Exception {
        fx.stop();
    }

    private void type(String id, String text) {
        fx.type(id, text);
    }

    @SuppressWarnings("unchecked")
    private <T> void choose(String id, T value) {
        ComboBox<T> box = lookup(id).queryAs(ComboBox.class);
        // the window lays out what the last command changed first (the box may still be moving into view)
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(box);
        interact(() -> {
            box.getSelectionModel().select(value);
            box.hide();
        });
    }

    /** @return whether the node and every node around it are visible */
    private boolean showing(String id) {
        for (javafx.scene.Node n = lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String error() {
        return lookup("#architectureError").queryAs(Label.class).getText();
    }

    @Test
    void adamWithItsParametersAndL2ReachTheSessionAndBadValuesChangeNothing() throws Exception {
        Snapshot before = fx.settle();
        assertEquals(Optimizer.Kind.SGD, before.scenario().config().optimizer().kind(), "xor starts with plain descent");
        assertTrue(showing("#momentumField") && !showing("#beta1Field") && !showing("#lambdaField"));

        choose("#optimizerChoice", Optimizer.Kind.ADAM);
        TrainingConfig adam = fx.settle().scenario().config();
        assertEquals(Optimizer.of(Optimizer.Kind.ADAM), adam.optimizer());
        assertTrue(before.network().sameAs(fx.settle().network()), "the weights stay");
        assertTrue(showing("#beta1Field") && showing("#beta2Field") && showing("#epsilonField"));
        assertFalse(showing("#momentumField") || showing("#rhoField"), "μ and ρ are not Adam's");

        type("#beta2Field", "0.99");
        assertEquals(0.99, fx.settle().scenario().config().optimizer().beta2());
        type("#beta2Field", "1");
        assertEquals("'1' in Adam β2: expected a number from 0 up to (not including) 1, such as 0.999", error());
        type("#epsilonField", "0");
        assertEquals("'0' in ε: expected a number above 0 up to 1, such as 1e-8", error());
        assertEquals(Optimizer.adam(0.9, 0.99, 1e-8), fx.settle().scenario().config().optimizer(), "refused: unchanged");

        choose("#regularizationChoice", Regularization.Kind.L2);
        assertEquals(Regularization.l2(ArchitectureViewModel.DEFAULT_LAMBDA), fx.settle().scenario().config()
                .regularization());
        assertTrue(showing("#lambdaField"));
        type("#lambdaField", "0.05");
        assertEquals(Regularization.l2(0.05), fx.settle().scenario().config().regularization());
        Snapshot good = fx.settle();
        type("#lambdaField", "-1");
        assertEquals("'-1' in regularization λ: expected a number ≥ 0, such as 0.001", error());
        Snapshot refused = fx.settle();
        assertEquals(good.scenario(), refused.scenario(), "a refused λ leaves the session as it was");
        assertEquals(good.changes(), refused.changes());

        choose("#optimizerChoice", Optimizer.Kind.NESTEROV);
        assertTrue(showing("#momentumField"));
        type("#momentumField", "0.5");
        assertEquals(Optimizer.nesterov(0.5), fx.settle().scenario().config().optimizer());
        choose("#regularizationChoice", Regularization.Kind.NONE);
        assertEquals(Regularization.NONE, fx.settle().scenario().config().regularization());
        assertFalse(showing("#lambdaField"));
    }
}
