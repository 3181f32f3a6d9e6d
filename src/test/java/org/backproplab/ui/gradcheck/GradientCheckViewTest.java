package org.backproplab.ui.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.GradientCheck;
import org.backproplab.session.TrainingSession;
import org.backproplab.session.WorkBoundSessionTest;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.gradcheck.GradientCheckViewModel.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Gradient check window tells a parameter at a ReLU kink from a failure, and says which sample and neuron; a
 * long check shows its progress and stops on Cancel or Esc.
 */
@ExtendWith(ApplicationExtension.class)
class GradientCheckViewTest extends FxRobot {
    private static final PseudoClass KINK = PseudoClass.getPseudoClass("kink");
    private static final PseudoClass FAIL = PseudoClass.getPseudoClass("fail");

    private TrainingSession session;
    private Stage stage;
    private final UiState state = new UiState();

    @AfterEach
    void close() {
        if (stage != null) {
            interact(stage::close);
        }
        if (session != null) {
            session.close();
        }
    }

    /** Shows the check of {@code s}'s initial weights and waits for its rows. */
    private List<Row> check(Scenario s, int parameters) throws Exception {
        GradientCheckView view = start(s);
        TableView<?> table = lookup("#gradientCheckTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == parameters);
        WaitForAsyncUtils.waitForFxEvents();
        return table.getItems().stream().map(Row.class::cast).toList();
    }

    /** Shows the gradient check window on a session of {@code s} and starts checking. */
    private GradientCheckView start(Scenario s) {
        session = new TrainingSession(s);
        SessionBridge bridge = new SessionBridge(session);
        interact(() -> {
            GradientCheckView view = new GradientCheckView(bridge, state);
            stage = new Stage();
            Scene scene = new Scene(view, 960, 600);
            scene.getStylesheets().add(GradientCheckView.class.getResource("/org/backproplab/ui/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            view.viewModel().recheck();
        });
        return lookup("#gradientCheck").queryAs(GradientCheckView.class);
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void parametersAtAKinkAreMarkedExplainedAndCountedApart() throws Exception {
        Scenario relu = Presets.get("relu-mlp");
        List<Row> rows = check(relu.withConfig(relu.config().withSeed(13)), 337);

        assertEquals(List.of("b3[1]", "b2[9]"), rows.subList(0, 2).stream().map(Row::name).toList(), "kinks on top");
        Row kink = rows.get(0);
        assertEquals(GradientCheck.Status.KINK, kink.status());
        assertEquals("at a kink", kink.statusText());
        assertEquals("–", kink.errorText(), "no relative error for a parameter that is not comparable");
        assertEquals("layer 3, neuron 1, sample #103", kink.note());
        assertEquals("b3[1] is at a kink, not comparable: even h = 1.0e-08 moves the z of layer 3, neuron 1, "
                + "sample #103 across 0.", kink.detail());
        assertEquals("layer 2, neuron 9, sample #159", rows.get(1).note());
        assertTrue(rows.stream().skip(2).allMatch(Row::passes), "the rest pass");
        Row retried = rows.stream().filter(r -> r.note().equals("compared at h = 1.0e-06")).findFirst().orElseThrow();
        assertTrue(retried.passes());
        assertTrue(retried.detail().matches(retried.name().replace("[", "\\[").replace("]", "\\]")
                + ": compared at h = 1\\.0e-06 because h = 1\\.0e-05 moved the z of layer \\d, neuron \\d+, "
                + "sample #\\d+( \\(and \\d+ more\\))? across 0\\."), retried.detail());

        String summary = text("#gradientCheckSummary");
        assertTrue(summary.contains("335 pass · 0 fail · 2 at a kink (not comparable)"), summary);
        Label summaryLabel = lookup("#gradientCheckSummary").queryAs(Label.class);
        assertFalse(summaryLabel.getPseudoClassStates().contains(FAIL), "kinks are not failures");
        assertTrue(summaryLabel.getPseudoClassStates().contains(KINK));
        Label kinks = lookup("#gradientCheckKinks").queryAs(Label.class);
        assertTrue(kinks.isVisible() && kinks.getText().startsWith("At a kink (2): "), kinks.getText());

        TableCell<?, ?> status = lookup(".table-cell").match((TableCell<?, ?> c) -> "at a kink".equals(c.getText()))
                .queryAs(TableCell.class);
        assertTrue(status.getPseudoClassStates().contains(KINK), "the kink's cells are marked");

        TableView<?> table = lookup("#gradientCheckTable").queryAs(TableView.class);
        interact(() -> table.getSelectionModel().select(0));
        assertEquals(kink.detail(), text("#gradientCheckDetail"));
        assertTrue(lookup("#gradientCheckDetail").query().isVisible());
        assertEquals(kink.edge(), state.selectedEdgeProperty().get());
    }

    /** Starts a long check, waits until it has done a parameter, stops it with {@code stop}, and checks the session. */
    private void cancelWith(Runnable stop) throws Exception {
        GradientCheckView view = start(WorkBoundSessionTest.atTheBound());
        GradientCheckViewModel vm = view.viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.progressProperty().get() > 0);
        assertTrue(lookup("#gradCheckProgress").query().isVisible(), "the progress bar shows while checking");
        assertTrue(lookup("#gradCheckCancel").query().isVisible());
        stop.run();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.checkingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String summary = text("#gradientCheckSummary");
        assertTrue(summary.matches("The gradient check stopped after \\d+ of 50 parameters; the session is as it "
                + "was\\. Press Recheck to check again\\."), summary);
        assertFalse(lookup("#gradCheckCancel").query().isVisible(), "nothing left to cancel");
        assertFalse(lookup("#gradCheckProgress").query().isVisible());
        assertTrue(lookup("#gradientCheckTable").queryAs(TableView.class).getItems().isEmpty());
        session.step();
        assertEquals(1, session.sync().get(10, TimeUnit.SECONDS).iteration(), "the session answers the next command");
    }

    @Test
    void theCancelButtonStopsALongCheckAndTheSessionAnswersRightAfter() throws Exception {
        cancelWith(() -> clickOn("#gradCheckCancel"));
    }

    @Test
    void escapeStopsALongCheck() throws Exception {
        cancelWith(() -> push(KeyCode.ESCAPE));
    }

    @Test
    void thePresetsOwnReluNetworkPassesWithoutKinks() throws Exception {
        List<Row> rows = check(Presets.get("relu-mlp"), 337);
        assertTrue(rows.stream().allMatch(Row::passes), () -> rows.get(0).toString());
        String summary = text("#gradientCheckSummary");
        assertTrue(summary.contains("all 337 pass"), summary);
        assertFalse(lookup("#gradientCheckKinks").query().isVisible());
        assertFalse(lookup("#gradientCheckDetail").query().isVisible(), "nothing selected");
    }
}
