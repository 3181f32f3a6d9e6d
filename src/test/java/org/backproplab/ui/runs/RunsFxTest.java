package org.backproplab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.engine.Trainer;
import org.backproplab.session.RunInfo;
import org.backproplab.session.TrainingSession;
import org.backproplab.text.NumberText;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.data.PanelScenarios;
import org.backproplab.ui.loss.LossChartView;
import org.jfree.chart.LegendItemCollection;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs side by side in a window: a variant started from the Compare dialog, its loss drawn beside the first run's
 * (each line the losses an independent trainer computes with that run's settings), the legend naming the setting in
 * which they differ, the runs table's numbers, a refused value, and a run made the one on show from the table.
 */
@ExtendWith(ApplicationExtension.class)
class RunsFxTest {
    private static final int FIRST = 60;
    private static final int SECOND = 40;
    private TrainingSession session;
    private SessionBridge bridge;
    private LossChartView chart;
    private RunsView runs;
    private int started;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(PanelScenarios.xor());
        bridge = new SessionBridge(session);
        chart = new LossChartView(bridge, new UiState());
        runs = new RunsView(bridge, new UiState());
        HBox.setHgrow(chart, Priority.ALWAYS);
        runs.setPrefWidth(440);
        javafx.scene.layout.VBox side = new javafx.scene.layout.VBox(CompareButton.create(bridge, () -> started++), runs);
        VBox.setVgrow(runs, Priority.ALWAYS);
        stage.setScene(ThemedScene.of(new HBox(chart, side), 1024, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** @return the xor preset's training loss before each of {@code n} updates with η, and after the last */
    private static double[] truth(double eta, int n) {
        Trainer t = Presets.xor().createTrainer();
        t.setConfig(t.config().withLearningRate(eta));
        double[] y = new double[n + 1];
        for (int i = 0; i < n; i++) {
            y[i] = t.datasetLoss();
            t.step();
        }
        y[n] = t.datasetLoss();
        return y;
    }

    private static void assertDrawn(double[] truth, XYSeries drawn, String run) {
        assertEquals(truth.length, drawn.getItemCount(), run + ": a point per iteration and the end");
        for (int k = 0; k < drawn.getItemCount(); k++) {
            int x = drawn.getX(k).intValue();
            assertEquals(k, x, run + ": item " + k);
            assertEquals(truth[x], drawn.getY(k).doubleValue(), 1e-12, run + ": the loss drawn at iteration " + x);
        }
    }

    private void startVariant(FxRobot robot, String from, String field, String value) {
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#variantFrom").queryAs(TextField.class).setText(from);
            robot.lookup(field).queryAs(TextField.class).setText(value);
        });
        robot.clickOn("#startVariantButton");
        PanelScenarios.settle(session, bridge);
    }

    @Test
    void aVariantIsDrawnBesideTheFirstRunAndComparedInTheTable(FxRobot robot) {
        session.stepMany(FIRST);
        PanelScenarios.settle(session, bridge);
        startVariant(robot, "0", "#variant-learning-rate", "4");
        session.stepMany(SECOND);
        PanelScenarios.settle(session, bridge);

        assertEquals(1, started, "the window brings the runs table into view");
        assertDrawn(truth(4, SECOND), chart.model().dataset().getSeries(0), "run 2, on show");
        assertEquals(1, chart.model().otherRuns().getSeriesCount());
        assertEquals(1, chart.model().otherRun(0));
        assertDrawn(truth(1, FIRST), chart.model().otherRuns().getSeries(0), "run 1, beside it");

        LegendItemCollection legend = chart.chart().getLegend().getSources()[0].getLegendItems();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            names.add(legend.get(i).getLabel());
        }
        assertEquals(List.of("Run 1 · η 1", "Run 2 · η 4 (on show)"), names);
        assertTrue(chart.chart().getLegend().isVisible());

        @SuppressWarnings("unchecked")
        TableView<RunInfo> table = robot.lookup("#runsTable").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        List<String> shown = robot.lookup("#runsTable .table-cell .label").queryAllAs(javafx.scene.control.Label.class)
                .stream().filter(javafx.scene.Node::isVisible).map(javafx.scene.control.Label::getText)
                .filter(t -> !t.isEmpty()).sorted().toList();
        assertEquals(List.of("Run 1", "η 1", "η 4", "▶ Run 2"), shown, "each run named by its η, the one on show marked");
        assertEquals(List.of("60", "40"), column(table, 1));
        assertEquals(List.of(NumberText.format(truth(1, FIRST)[FIRST]), NumberText.format(truth(4, SECOND)[SECOND])),
                column(table, 2), "the loss of each run at its end");
        for (String accuracy : column(table, 3)) {
            assertTrue(accuracy.endsWith(" %"), "xor has classes: " + accuracy);
        }
        assertFalse(column(table, 4).contains(""), "a training time for each run");

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#showRunButton");
        PanelScenarios.settle(session, bridge);
        assertTrue(bridge.snapshot().runs().get(0).current(), "run 1 made the one on show from the table");
        assertDrawn(truth(1, FIRST), chart.model().dataset().getSeries(0), "run 1, on show");
        assertDrawn(truth(4, SECOND), chart.model().otherRuns().getSeries(0), "run 2, beside it");
    }

    @Test
    void trainAllToStartsAtTheScenarioLengthWhileEveryRunIsAtItsStart(FxRobot robot) {
        PanelScenarios.settle(session, bridge);
        assertEquals(String.valueOf(PanelScenarios.xor().iterations()),
                robot.lookup("#trainAllField").queryAs(TextField.class).getText(), "not 0, which trains nothing");
    }

    @Test
    void trainAllToTrainsTheShorterRunsUpToTheLongest(FxRobot robot) {
        session.setSpeed(TrainingSession.MAX_SPEED);
        session.stepMany(FIRST);
        PanelScenarios.settle(session, bridge);
        startVariant(robot, "0", "#variant-learning-rate", "4");
        assertEquals(String.valueOf(FIRST), robot.lookup("#trainAllField").queryAs(TextField.class).getText(),
                "the longest run's end by default");
        robot.clickOn("#trainAllButton");
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> {
                PanelScenarios.settle(session, bridge);
                return !bridge.snapshot().running() && bridge.snapshot().runs().stream().allMatch(r -> r.iterations() == FIRST);
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the runs did not reach " + FIRST + ": " + bridge.snapshot().runs(), e);
        }
        assertDrawn(truth(4, FIRST), chart.model().dataset().getSeries(0), "run 2, on show again");
        assertDrawn(truth(1, FIRST), chart.model().otherRuns().getSeries(0), "run 1");
    }

    @Test
    void aRefusedValueIsNamedAndChangesNothing(FxRobot robot) {
        session.stepMany(FIRST);
        PanelScenarios.settle(session, bridge);
        long changes = bridge.snapshot().changes();
        startVariant(robot, "0", "#variant-momentum", "2");
        assertEquals("'2' in momentum μ: expected a number from 0 up to (not including) 1, such as 0.9",
                robot.lookup("#variantError").queryLabeled().getText());
        robot.interact(() -> robot.lookup("#variant-momentum").queryAs(TextField.class).setText("0"));
        robot.interact(() -> robot.lookup("#variantFrom").queryAs(TextField.class).setText("61"));
        robot.clickOn("#startVariantButton");
        PanelScenarios.settle(session, bridge);
        assertEquals("'61' in Start from: expected a whole number from 0 to 60",
                robot.lookup("#variantError").queryLabeled().getText());
        assertEquals(1, bridge.snapshot().runs().size(), "no variant was started");
        assertEquals(changes, bridge.snapshot().changes(), "the session is as it was");
        assertFalse(chart.chart().getLegend().isVisible(), "one run: no legend");
        assertEquals(0, started);
    }

    @Test
    void theOptimiserIsChosenAndItsMomentumFilledOrGreyedOut(FxRobot robot) {
        session.stepMany(FIRST);
        PanelScenarios.settle(session, bridge);
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> optimizer = robot.lookup("#variant-optimizer").queryAs(javafx.scene.control.ChoiceBox.class);
        TextField mu = robot.lookup("#variant-momentum").queryAs(TextField.class);
        assertEquals(List.of("sgd", "momentum", "nesterov", "rmsprop", "adam"), optimizer.getItems());
        assertEquals("sgd", optimizer.getValue());
        robot.interact(() -> optimizer.setValue("momentum"));
        assertEquals("0.9", mu.getText(), "momentum starts with its usual μ");
        assertFalse(mu.isDisabled());
        robot.interact(() -> optimizer.setValue("adam"));
        assertTrue(mu.isDisabled(), "Adam has no μ");
        assertEquals("0", mu.getText(), "a greyed-out field holds the value training has now: it changes nothing");
        robot.interact(() -> robot.lookup("#variantFrom").queryAs(TextField.class).setText("0"));
        robot.clickOn("#startVariantButton");
        PanelScenarios.settle(session, bridge);
        assertEquals(org.backproplab.engine.Optimizer.Kind.ADAM, bridge.snapshot().scenario().config().optimizer().kind());
        LegendItemCollection legend = chart.chart().getLegend().getSources()[0].getLegendItems();
        assertEquals("Run 2 · Adam (on show)", legend.get(1).getLabel());
    }

    @Test
    void theHiddenActivationIsChosenAndNamedInTheLegendAndTheTable(FxRobot robot) {
        session.stepMany(FIRST);
        PanelScenarios.settle(session, bridge);
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> f = robot.lookup("#variant-activation").queryAs(javafx.scene.control.ChoiceBox.class);
        assertEquals(List.of("sigmoid", "tanh", "relu", "leaky-relu", "linear"), f.getItems(), "no softmax in a hidden layer");
        assertEquals("sigmoid", f.getValue(), "the activation on show");
        robot.interact(() -> {
            f.setValue("relu");
            robot.lookup("#variantFrom").queryAs(TextField.class).setText("0");
        });
        robot.clickOn("#startVariantButton");
        PanelScenarios.settle(session, bridge);
        assertEquals(org.backproplab.engine.Activation.RELU, bridge.snapshot().network().layer(1).activation());
        assertEquals(org.backproplab.engine.Activation.SIGMOID, bridge.snapshot().network().layer(2).activation());
        LegendItemCollection legend = chart.chart().getLegend().getSources()[0].getLegendItems();
        assertEquals("Run 1 · sigmoid", legend.get(0).getLabel());
        assertEquals("Run 2 · ReLU (on show)", legend.get(1).getLabel());
        List<String> shown = robot.lookup("#runsTable .table-cell .label").queryAllAs(javafx.scene.control.Label.class)
                .stream().filter(javafx.scene.Node::isVisible).map(javafx.scene.control.Label::getText)
                .filter(t -> !t.isEmpty()).sorted().toList();
        assertEquals(List.of("ReLU", "Run 1", "sigmoid", "▶ Run 2"), shown, "each run named by its activation");
    }

    private static List<String> column(TableView<RunInfo> table, int c) {
        List<String> out = new ArrayList<>();
        for (int row = 0; row < table.getItems().size(); row++) {
            out.add(String.valueOf(table.getColumns().get(c).getCellData(row)));
        }
        return out;
    }
}
