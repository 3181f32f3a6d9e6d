package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;
import org.backproplab.session.RunTarget;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pace of a lesson in the real window: Run to stops exactly at the tutorial's iteration or epoch, a value it
 * cannot read is refused with a message and changes nothing, the speed slider stops at the speeds a teacher names,
 * and auto-play walks the phases by itself until any key pauses it.
 */
@ExtendWith(ApplicationExtension.class)
class PaceFxTest extends FxRobot {
    private ShellFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ShellFixture.start(this);
    }

    @AfterEach
    void stop() throws Exception {
        fx.stop();
    }

    private TextField runToField() {
        return lookup("#runToField").queryAs(TextField.class);
    }

    private void setSpeed(double position) throws Exception {
        interact(() -> lookup("#speedSlider").queryAs(Slider.class).setValue(position));
        fx.settle();
    }

    /** Waits (on the condition, up to a minute) until training has paused again, and returns what the window shows. */
    private Snapshot awaitPaused() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Snapshot s = fx.app.session().sync().get(10, TimeUnit.SECONDS);
            return !s.running();
        });
        return fx.settle();
    }

    @Test
    void oneClickRunsXorToTheTutorials1500Iterations() throws Exception {
        assertEquals("1500", runToField().getText(), "the xor tutorial's own target");
        setSpeed(MainViewModel.SPEED_SLIDER_MAX);
        clickOn("#runToButton");
        Snapshot s = awaitPaused();
        assertEquals(1500, s.iteration());
        assertEquals(1500, s.historyEnd(), "not one iteration more");
        assertEquals("Iteration 1500 · epoch 1500", lookup("#iterationLabel").queryAs(Label.class).getText());
        assertEquals("Stopped at iteration 1,500, as asked: Space runs on.",
                lookup("#statusMessage").queryAs(Label.class).getText());
    }

    @Test
    void genderRunsToTheTutorials1000Epochs() throws Exception {
        interact(() -> fx.app.window().viewModel().loadPreset("gender"));
        fx.settle();
        assertEquals("1000 epochs", runToField().getText(), "the 2-2-1 tutorial's own target");
        setSpeed(MainViewModel.SPEED_SLIDER_MAX);
        clickOn(runToField()).type(KeyCode.ENTER);
        assertFalse(runToField().isFocused(), "sent with Enter, the keys come back (Space would pause)");
        Snapshot s = awaitPaused();
        assertEquals(4000, s.iteration());
        assertEquals(1000.0, s.epochs(), 0.0);
        assertEquals("Iteration 4000 · epoch 1000", lookup("#iterationLabel").queryAs(Label.class).getText());
        clickOn(runToField()).push(KeyCode.END).eraseText(runToField().getText().length()).write("250 epochs").type(KeyCode.ENTER);
        Snapshot back = awaitPaused();
        assertEquals(1000, back.iteration(), "250 epochs of 4 updates, shown from the history");
        assertEquals(4000, back.historyEnd());
    }

    @Test
    void aValueItCannotReadIsRefusedByNameAndChangesNothing() throws Exception {
        clickOn("#stepButton");
        Snapshot before = fx.settle();
        TextField field = runToField();
        for (String bad : new String[] {"abc", "-5", "1.5 epochs", ""}) {
            clickOn(field).push(KeyCode.END).eraseText(field.getText().length()).write(bad).type(KeyCode.ENTER);
            Snapshot after = fx.settle();
            assertEquals(RunTarget.refusal(bad), lookup("#statusMessage").queryAs(Label.class).getText());
            assertTrue(field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")), bad);
            assertEquals(before.iteration(), after.iteration());
            assertEquals(before.changes(), after.changes(), "nothing changed");
            assertFalse(after.running());
        }
        assertTrue(lookup("#statusMessage").queryAs(Label.class).getText().startsWith("nothing typed in Run to: expected"));
        type(KeyCode.ESCAPE);
        assertEquals("1500", field.getText(), "Esc cancels the edit");
        assertFalse(field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")));
    }

    @Test
    void theSpeedSliderStopsAtTheNamedSpeeds() throws Exception {
        Slider slider = lookup("#speedSlider").queryAs(Slider.class);
        assertTrue(slider.isSnapToTicks());
        String[] shown = {"1 it/s", "2 it/s", "5 it/s", "10 it/s", "100 it/s", "1,000 it/s", "max"};
        MainViewModel vm = fx.app.window().viewModel();
        assertEquals("100 it/s", vm.speedTextProperty().get(), "the window starts at 100 it/s");
        for (int i = shown.length - 1; i >= 0; i--) {
            setSpeed(i);
            assertEquals(shown[i], vm.speedTextProperty().get());
            assertEquals(MainViewModel.NAMED_SPEEDS.get(i), vm.speedProperty().get(), 0.0);
            assertTrue(lookup(".speed-value").queryAs(Label.class).getText().equals(shown[i]));
        }
        clickOn(slider);
        type(KeyCode.END);
        fx.settle();
        assertEquals(TrainingSession.MAX_SPEED, vm.speedProperty().get(), 0.0, "End: max, also from the keyboard");
    }

    @Test
    void autoPlayWalksThePhasesUntilAnyKeyPausesIt() throws Exception {
        AutoPlay auto = fx.app.window().autoPlay();
        interact(() -> auto.setPhaseTime(Duration.millis(40)));
        int phases = fx.settle().phases().size();
        assertEquals("Auto-play · 2 s", lookup("#autoPlayButton").queryAs(javafx.scene.control.SplitMenuButton.class).getText());
        interact(() -> lookup("#autoPlayButton").queryAs(javafx.scene.control.SplitMenuButton.class).fire());
        assertTrue(auto.isPlaying());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx.app.bridge().snapshot().iteration() >= 1
                && fx.app.bridge().snapshot().phaseIndex() >= 2);
        assertTrue(lookup("#autoPlayButton").query().getPseudoClassStates().contains(PaceControls.PLAYING),
                "the button shows that it plays");
        type(KeyCode.RIGHT);
        assertFalse(auto.isPlaying(), "any key pauses");
        Snapshot paused = fx.settle();
        assertTrue(paused.iteration() * phases + paused.phaseIndex() >= phases + 2, "walked through an iteration");
        assertFalse(lookup("#autoPlayButton").query().getPseudoClassStates().contains(PaceControls.PLAYING));
        assertFalse(auto.ticking(), "no phase is due any more");
        Snapshot later = fx.settle();
        assertEquals(paused.iteration(), later.iteration(), "→ paused auto-play and did not step");
        assertEquals(paused.phaseIndex(), later.phaseIndex());

        interact(() -> lookup("#autoPlayButton").queryAs(javafx.scene.control.SplitMenuButton.class).fire());
        assertTrue(auto.isPlaying());
        clickOn("#runButton");
        assertFalse(auto.isPlaying(), "Run ends auto-play");
        clickOn("#runButton");
        fx.settle();
    }
}
