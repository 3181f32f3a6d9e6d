package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.session.TrainingSession;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.gradcheck.GradientCheckViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 5 in the real window: the history scrubber, Resume from here, the gradient check table, divergence. */
@ExtendWith(ApplicationExtension.class)
class HistoryFeaturesTest extends FxRobot {
    private ShellFixture f;

    @BeforeEach
    void start() throws Exception {
        f = ShellFixture.start(this);
    }

    @AfterEach
    void stop() throws Exception {
        f.stop();
    }

    private Snapshot scrubTo(long k) throws Exception {
        Slider slider = lookup("#historySlider").queryAs(Slider.class);
        interact(() -> slider.setValue(k));
        // the jump is coalesced on the FX thread: wait until the window shows iteration k
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            interact(() -> f.app.bridge().refresh());
            return f.app.bridge().snapshot().iteration() == k;
        });
        return f.settle();
    }

    private static Network afterFreshTraining(long k) {
        Trainer t = Presets.xor().createTrainer();
        t.train(k);
        return t.network();
    }

    @Test
    void scrubbingShowsExactlyTheWeightsOfAFreshRun() throws Exception {
        f.app.session().stepMany(1000);
        Snapshot end = f.settle();
        assertEquals(1000, end.historyEnd());
        for (long k : List.of(300L, 257L, 1L, 999L, 0L)) {
            Snapshot s = scrubTo(k);
            assertTrue(s.network().sameAs(afterFreshTraining(k)), "weights at iteration " + k);
            assertEquals(1000, s.historyEnd(), "the later history is kept while looking");
            assertEquals(String.format("Iteration %d of 1,000", k), lookup("#historyPosition").queryAs(Label.class).getText());
            assertEquals(f.app.bridge().snapshot().loss(), ShellFixture.lossOf(s.network(), s.scenario().dataset(),
                    s.scenario().config().loss()), 1e-12, "the loss shown is the loss of these weights");
            assertFalse(lookup("#resumeButton").queryAs(Button.class).isDisabled());
        }
        interact(() -> lookup("#jumpToEndButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            interact(() -> f.app.bridge().refresh());
            return f.app.bridge().snapshot().iteration() == 1000;
        });
        assertTrue(f.settle().network().sameAs(afterFreshTraining(1000)));
        assertTrue(lookup("#resumeButton").queryAs(Button.class).isDisabled(), "nothing to resume at the end");
    }

    @Test
    void resumeFromHereStartsANewRunAndTheRunsListSwitchesBack() throws Exception {
        f.app.session().stepMany(600);
        f.settle();
        scrubTo(300);
        Button resume = lookup("#resumeButton").queryAs(Button.class);
        assertTrue(resume.getTooltip().getText().contains("is kept in the Runs list"), resume.getTooltip().getText());
        interact(resume::fire);
        Snapshot s = f.settle();
        assertFalse(s.running(), "Resume from here does not start a run by itself");
        assertEquals(300, s.iteration());
        assertEquals(300, s.historyEnd());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.backproplab.session.RunInfo> runs =
                lookup("#runsList").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        assertTrue(runs.getItems().get(0).text().contains("600 iterations"), runs.getItems().get(0).text());
        assertTrue(runs.getItems().get(1).text().contains("from run 1 at iteration 300"), runs.getItems().get(1).text());

        f.app.session().stepMany(20);
        Snapshot forked = f.settle();
        assertTrue(forked.network().sameAs(afterFreshTraining(320)), "the new run continues exactly");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().get(1).text().contains("320 iterations"));
        String expected = "Run 2 · loss " + org.backproplab.text.NumberText.format(forked.loss()) + " at 320 · from 1 at 300";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(runs.getButtonCell().getText()));

        interact(() -> runs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            interact(() -> f.app.bridge().refresh());
            return f.app.bridge().snapshot().historyEnd() == 600;
        });
        Snapshot first = f.settle();
        assertEquals(300, first.iteration(), "run 1 is shown where it was left");
        assertTrue(first.network().sameAs(afterFreshTraining(300)));
    }

    @Test
    void gradientCheckListsEveryParameterLargestErrorFirst() throws Exception {
        f.app.session().stepMany(50);
        f.settle();
        MenuBar bar = lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "gradientCheckItem".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Shortcut+G", item.getAccelerator().getName());
        interact(item::fire);
        @SuppressWarnings("unchecked")
        TableView<GradientCheckViewModel.Row> table = lookup("#gradientCheckTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 16);
        List<GradientCheckViewModel.Row> rows = List.copyOf(table.getItems());
        assertEquals(16, rows.size(), "3·4 + 4·1 weights, no biases in the xor preset");
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).relativeError() >= rows.get(i).relativeError(), "largest error on top");
        }
        assertTrue(rows.stream().allMatch(GradientCheckViewModel.Row::passes), "backprop is right on xor");
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("W1[3,4]")) && rows.stream().anyMatch(r -> r.name().equals("W2[4,1]")),
                "names count from 1");
        String summary = lookup("#gradientCheckSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("all 16 pass") && summary.contains(rows.get(0).name()), summary);
        interact(() -> table.getSelectionModel().select(2));
        assertEquals(rows.get(2).edge(), f.app.uiState().selectedEdgeProperty().get(), "the graph selects that edge");
    }

    /**
     * The xor data on a network with linear layers and η = 50: every step overshoots and the weights overflow
     * within a few iterations (the sigmoid and ReLU presets saturate or die instead of overflowing).
     */
    private void startDiverging() {
        Scenario xor = Presets.xor();
        f.app.session().load(xor.withLayers(List.of(new LayerSpec(4, Activation.LINEAR, false),
                new LayerSpec(1, Activation.LINEAR, false))).withConfig(xor.config().withLearningRate(50)));
        f.app.session().setSpeed(TrainingSession.MAX_SPEED);
        f.app.session().run();
    }

    @Test
    void divergencePausesExplainsAndRecovers() throws Exception {
        startDiverging();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> f.app.session().latest().diverged());
        Snapshot s = f.settle();
        assertFalse(s.running(), "the run paused by itself");
        Region banner = lookup("#divergenceBanner").queryAs(Region.class);
        assertTrue(banner.isVisible() && banner.getHeight() > 0, "the banner is shown");
        String headline = lookup("#divergenceHeadline").queryAs(Label.class).getText();
        assertTrue(headline.contains("at iteration " + s.iteration()), headline);
        assertTrue(lookup("#divergenceExplanation").queryAs(Label.class).getText().contains("η = 50 is too large"));
        assertEquals("Lower η to 5", lookup("#lowerEtaButton").queryAs(Button.class).getText());
        assertTrue(s.rescueIteration() >= 0 && s.rescueIteration() < s.iteration(), "rescue at " + s.rescueIteration());
        assertEquals(String.format(java.util.Locale.ROOT, "Go back to iteration %,d", s.rescueIteration()),
                lookup("#backToFiniteButton").queryAs(Button.class).getText(), "the banner names the iteration");
        assertTrue(lookup("#divergenceExplanation").queryAs(Label.class).getText().contains(
                String.format(java.util.Locale.ROOT, "Iteration %,d is the last before the loss rose", s.rescueIteration())));
        interact(() -> lookup("#backToFiniteButton").queryAs(Button.class).fire());
        Snapshot back = f.settle();
        assertEquals(s.rescueIteration(), back.iteration());
        assertFalse(back.diverged());
        assertTrue(back.iteration() < s.iteration() && Double.isFinite(back.loss()), "back to iteration " + back.iteration());
        for (Layer layer : back.network().layers()) {
            for (double[] row : layer.weights().getData()) {
                for (double w : row) {
                    assertTrue(Double.isFinite(w), "finite weights");
                }
            }
        }
        assertFalse(banner.isVisible(), "the banner goes away");
    }

    @Test
    void lowerLearningRateGoesBackAndDividesEtaByTen() throws Exception {
        startDiverging();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> f.app.session().latest().diverged());
        f.settle();
        interact(() -> lookup("#lowerEtaButton").queryAs(Button.class).fire());
        Snapshot s = f.settle();
        assertEquals(5.0, s.scenario().config().learningRate());
        assertFalse(s.diverged());
        assertTrue(Double.isFinite(s.loss()));
        assertFalse(lookup("#divergenceBanner").queryAs(Region.class).isVisible());
    }
}
