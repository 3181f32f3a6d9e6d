package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.loss.LossChartView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;

/** The real window, driven through its toolbar and keyboard the way a teacher would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest extends FxRobot {
    private ShellFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ShellFixture.start(this);
    }

    @AfterEach
    void stop() throws Exception {
        fx.stop();
    }

    private int chartPoints() {
        return lookup(n -> n instanceof LossChartView).queryAs(LossChartView.class).pointCount();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    /** @return the text a label shows on screen now (its text node, after layout), not just its text property */
    private String shown(String id) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            Label l = lookup(id).queryAs(Label.class);
            return ((javafx.scene.text.Text) l.lookup(".text")).getText();
        }).get(5, TimeUnit.SECONDS);
    }

    /**
     * Waits up to 10 s for {@code onScreen}; if it never holds, the assertions that follow it say what differs.
     */
    private static void awaitScreen(Callable<Boolean> onScreen) throws InterruptedException {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onScreen);
        } catch (TimeoutException e) {
            // reported by the assertions after the wait
        }
    }

    @Test
    void stepClicksCountIterations() throws Exception {
        assertEquals("Iteration 0 · epoch 0", text("#iterationLabel"));
        for (int i = 0; i < 7; i++) {
            clickOn("#stepButton");
        }
        Snapshot s = fx.settle();
        assertEquals(7, s.iteration());
        assertEquals("Iteration 7 · epoch 7", text("#iterationLabel"));
        assertEquals("Iteration 7 · epoch 7", shown("#iterationLabel"), "on screen, not only in the property");
        assertEquals(8, s.losses().count(), "one loss per iteration, from the initial weights (x = 0) to the weights now");
        assertEquals(8, chartPoints(), "one point per iteration on the chart, 0 to 7");
        assertEquals(MainViewModel.lossLabel(s.loss()), text("#lossLabel"));
    }

    @Test
    void phasesOfOneIterationEqualOneStepOnAFreshSession() throws Exception {
        int phases = fx.settle().phases().size();
        for (int i = 0; i < phases; i++) {
            clickOn("#phaseButton");
            Snapshot s = fx.settle();
            if (i < phases - 1) {
                assertEquals(i + 1, s.phaseIndex());
                assertEquals("Next: " + s.nextPhase().label(), text("#nextPhaseLabel"));
            }
        }
        Snapshot afterPhases = fx.settle();
        assertEquals(1, afterPhases.iteration());
        assertEquals(0, afterPhases.phaseIndex());
        try (TrainingSession fresh = new TrainingSession(afterPhases.scenario().withConfig(afterPhases.scenario().config()))) {
            fresh.step();
            Network stepped = fresh.sync().get(10, TimeUnit.SECONDS).network();
            assertTrue(stepped.sameAs(afterPhases.network()), "phase by phase = one step, exactly");
        }
    }

    @Test
    void backReturnsTheExactEarlierWeights() throws Exception {
        clickOn("#stepButton").clickOn("#stepButton").clickOn("#stepButton");
        Snapshot before = fx.settle();
        Network earlier = before.network();
        clickOn("#stepButton").clickOn("#phaseButton").clickOn("#phaseButton");
        Snapshot later = fx.settle();
        assertFalse(later.network().sameAs(earlier));
        clickOn("#backButton").clickOn("#backButton").clickOn("#backButton");
        Snapshot back = fx.settle();
        assertEquals(3, back.iteration());
        assertEquals(0, back.phaseIndex());
        assertTrue(back.network().sameAs(earlier), "Back restores the weights bit for bit");
        assertEquals(before.loss(), back.loss());
        assertEquals(4, back.historyEnd(), "Back walks back along the run: iteration 4 is kept");
        assertEquals(5, back.losses().count(), "the chart keeps the run, 0 to 4");
        assertEquals(5, chartPoints());
        assertEquals("Iteration 3 · epoch 3", text("#iterationLabel"));
    }

    @Test
    void invalidLearningRateIsRefusedAndChangesNothing() throws Exception {
        clickOn("#stepButton");
        Snapshot before = fx.settle();
        double eta = before.scenario().config().learningRate();
        TextField field = lookup("#learningRateField").queryAs(TextField.class);
        for (String bad : new String[] {"abc", "-0.5", "1e999", "0.5.1"}) {
            clickOn(field).push(KeyCode.END).eraseText(field.getText().length()).write(bad).type(KeyCode.ENTER);
            Snapshot after = fx.settle();
            assertTrue(field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")), bad);
            String msg = text("#statusMessage");
            assertEquals("'" + bad + "' in learning rate η: " + (bad.equals("1e999") ? "too large; " : "")
                    + "expected a number ≥ 0, such as 0.5", msg, "the message names the value, the field and what is allowed");
            assertEquals(eta, after.scenario().config().learningRate(), 0.0);
            assertTrue(after.network().sameAs(before.network()));
            assertEquals(before.iteration(), after.iteration());
        }
        type(KeyCode.ESCAPE);
        assertEquals(MainViewModel.formatNumber(eta), field.getText(), "Esc shows the current η again");
        assertFalse(field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")));

        clickOn(field).push(KeyCode.END).eraseText(field.getText().length()).write("0.25").type(KeyCode.ENTER);
        Snapshot changed = fx.settle();
        assertEquals(0.25, changed.scenario().config().learningRate(), 0.0);
        assertTrue(changed.network().sameAs(before.network()), "η changes, the weights do not");
        assertEquals(1, changed.losses().markers().size(), "a marker for the η change");
    }

    @Test
    void runThenPauseLeavesAConsistentSnapshot() throws Exception {
        interact(() -> lookup("#speedSlider").queryAs(Slider.class).setValue(MainViewModel.SPEED_SLIDER_MAX));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx.app.session().latest().iteration() > 50);
        Snapshot during = fx.settle();
        assertTrue(during.running());
        assertEquals("Pause", lookup("#runButton").queryButton().getText());
        clickOn("#runButton");
        Snapshot s = fx.settle();
        assertFalse(s.running());
        assertEquals("Run", lookup("#runButton").queryButton().getText());
        assertEquals("Paused at iteration " + s.iteration() + ".", text("#statusMessage").substring(0, ("Paused at iteration " + s.iteration() + ".").length()));
        assertTrue(s.iteration() > 50, "ran at full speed: " + s.iteration());
        double recomputed = ShellFixture.lossOf(s.network(), s.scenario().dataset(), s.scenario().config().loss());
        assertEquals(recomputed, s.loss(), 1e-12 * Math.max(1, recomputed), "the loss is the loss of the weights shown");
        assertEquals(MainViewModel.lossLabel(recomputed), text("#lossLabel"));
        assertEquals("Iteration " + s.iteration() + " ·", text("#iterationLabel").substring(0, ("Iteration " + s.iteration() + " ·").length()));
        assertEquals(s.iteration() + 1, s.losses().count());
        // on screen, not only in the properties (a narrow toolbar may end the epoch count in "…"); the read-outs
        // are laid out in a later pulse, so first wait until the screen has caught up
        awaitScreen(() -> shown("#iterationLabel").startsWith("Iteration " + s.iteration() + " ·")
                && shown("#lossLabel").equals(text("#lossLabel"))
                && shown("#historyPosition").equals(text("#historyPosition")));
        String iteration = shown("#iterationLabel");
        assertTrue(iteration.startsWith("Iteration " + s.iteration() + " ·"), iteration);
        String full = text("#iterationLabel");
        assertTrue(iteration.equals(full)
                || iteration.endsWith("...") && full.startsWith(iteration.substring(0, iteration.length() - 3)), iteration);
        assertEquals(text("#lossLabel"), shown("#lossLabel"));
        assertEquals(text("#historyPosition"), shown("#historyPosition"));
    }

    @Test
    void keyboardShortcutsWorkWhereverTheFocusIs() throws Exception {
        clickOn("#stepButton");
        fx.settle();
        type(KeyCode.RIGHT);
        assertEquals(2, fx.settle().iteration());
        press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        Snapshot phased = fx.settle();
        assertEquals(2, phased.iteration());
        assertEquals(1, phased.phaseIndex());
        type(KeyCode.LEFT);
        Snapshot back = fx.settle();
        assertEquals(0, back.phaseIndex());
        type(KeyCode.LEFT);
        assertEquals(1, fx.settle().iteration());
        type(KeyCode.SPACE);
        assertTrue(fx.settle().running());
        type(KeyCode.SPACE);
        Snapshot paused = fx.settle();
        assertFalse(paused.running());
        assertNotEquals(0, paused.iteration());
        type(KeyCode.R);
        assertEquals(0, fx.settle().iteration());
        assertEquals(1, chartPoints(), "Reset starts a new chart at the initial loss");
        assertEquals("Iteration 0 · epoch 0", text("#iterationLabel"));

        // while typing in a field, the keys type
        clickOn("#learningRateField").type(KeyCode.R, KeyCode.RIGHT, KeyCode.SPACE);
        Snapshot typed = fx.settle();
        assertEquals(0, typed.iteration());
        assertFalse(typed.running());
    }

    @Test
    void afterADivergingRunTheLossReadOutIsShortAndWhole() throws Exception {
        // linear layers and a large η: the loss grows by orders of magnitude each step until it overflows
        Snapshot start = fx.settle();
        java.util.List<LayerSpec> layers = start.scenario().layers().stream()
                .map(l -> new LayerSpec(l.size(), Activation.LINEAR, l.bias())).toList();
        interact(() -> fx.app.session().load(org.backproplab.data.Scenarios.withArchitecture(start.scenario(), layers)));
        fx.settle();
        TextField field = lookup("#learningRateField").queryAs(TextField.class);
        clickOn(field).push(KeyCode.END).eraseText(field.getText().length()).write("50").type(KeyCode.ENTER);
        assertEquals(50, fx.settle().scenario().config().learningRate());
        double largest = 0;
        for (int i = 0; i < 80 && !fx.settle().diverged(); i++) {
            interact(() -> fx.app.session().step());
            Snapshot s = fx.settle();
            if (Double.isFinite(s.loss())) {
                largest = Math.max(largest, s.loss());
            }
            String label = text("#lossLabel");
            assertEquals(MainViewModel.lossLabel(s.loss()), label);
            assertTrue(label.length() <= "Loss −9.999e−308 (diverged)".length(), "short: " + label);
        }
        assertTrue(fx.settle().diverged(), "the run diverged");
        assertTrue(largest > 1e100, "the loss went through huge finite values on the way: " + largest);
        assertEquals(text("#lossLabel"), shown("#lossLabel"), "shown whole in the toolbar, not cut");
        Label loss = lookup("#lossLabel").queryAs(Label.class);
        assertTrue(loss.getWidth() < 300, "the read-out keeps its place in the toolbar: " + loss.getWidth());
    }
}
