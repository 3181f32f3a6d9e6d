package org.backproplab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.session.LossCurve;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.data.PanelScenarios;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The loss chart in a window (headless): points follow the steps, stay bounded, log scale copes with 0. */
@ExtendWith(ApplicationExtension.class)
class LossChartViewTest {
    private TrainingSession session;
    private SessionBridge bridge;
    private LossChartView view;
    private UiState state;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(PanelScenarios.xor());
        bridge = new SessionBridge(session);
        state = new UiState();
        view = new LossChartView(bridge, state);
        stage.setScene(ThemedScene.of(view, 800, 400));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** In lecture mode the chart is read from the back of the room: its axes' text is drawn 1.5 times as large. */
    @Test
    void lectureModeDrawsTheAxisTextLarger(FxRobot robot) {
        float ticks = view.chart().getXYPlot().getRangeAxis().getTickLabelFont().getSize2D();
        float label = view.chart().getXYPlot().getDomainAxis().getLabelFont().getSize2D();
        robot.interact(() -> state.lectureProperty().set(true));
        assertEquals(ticks * 1.5f, view.chart().getXYPlot().getRangeAxis().getTickLabelFont().getSize2D(), 1e-4);
        assertEquals(label * 1.5f, view.chart().getXYPlot().getDomainAxis().getLabelFont().getSize2D(), 1e-4);
        robot.interact(() -> state.lectureProperty().set(false));
        assertEquals(ticks, view.chart().getXYPlot().getRangeAxis().getTickLabelFont().getSize2D(), 1e-4);
    }

    @Test
    void pointsFollowSteps(FxRobot robot) {
        assertNotNull(robot.lookup("#lossChart").queryAs(ChartViewer.class));
        for (int i = 0; i < 17; i++) {
            session.step();
        }
        PanelScenarios.settle(session, bridge);
        assertEquals(18, view.pointCount(), "the initial loss at 0, then one point per update");
        session.back();
        PanelScenarios.settle(session, bridge);
        assertEquals(18, view.pointCount(), "Back walks back along the run: the chart keeps it");
        session.reset();
        PanelScenarios.settle(session, bridge);
        assertEquals(1, view.pointCount(), "Reset starts a new chart at the initial loss");
    }

    /** At full speed the start stays in view: the log iteration axis draws the first iterations one by one. */
    @Test
    void theLogIterationAxisKeepsTheStartOfALongRunInView(FxRobot robot) {
        session.stepMany(100_000);
        PanelScenarios.settle(session, bridge);
        robot.clickOn("#lossLogIterations");
        PanelScenarios.settle(session, bridge);
        org.jfree.chart.axis.ValueAxis x = view.chart().getXYPlot().getDomainAxis();
        assertInstanceOf(LogAxis.class, x, "a logarithmic iteration axis");
        org.jfree.data.xy.XYSeries drawn = view.model().dataset().getSeries(0);
        assertEquals(1.0, drawn.getX(0).doubleValue(), "from iteration 1: 0 has no place on a log axis");
        for (int i = 1; i <= 50; i++) {
            assertEquals(i, drawn.getX(i - 1).doubleValue(), "iteration " + i + " of the start is drawn");
        }
        assertEquals(100_000, drawn.getX(drawn.getItemCount() - 1).doubleValue(), "to the last");
        assertTrue(x.getLowerBound() <= 1 && x.getUpperBound() >= 100_000, x.getRange().toString());
        robot.clickOn("#lossLogIterations");
        PanelScenarios.settle(session, bridge);
        assertEquals(0.0, view.model().dataset().getSeries(0).getX(0).doubleValue(), "linear again, from iteration 0");
        assertTrue(!(view.chart().getXYPlot().getDomainAxis() instanceof LogAxis));
    }

    @Test
    void boundedAfterManyIterations() {
        session.stepMany(200_000);
        PanelScenarios.settle(session, bridge);
        int points = view.pointCount();
        assertTrue(points > 500 && points <= 4000, "drawn items: " + points);
        assertEquals(200_001, view.model().curve().count(), "iterations 0 to 200,000");
    }

    @Test
    void editsAtTheSameIterationShareOneLabel() {
        session.step();
        session.setWeight(1, 0, 0, 0.5);
        session.setLearningRate(0.5);
        session.step();
        session.step();
        PanelScenarios.settle(session, bridge);
        List<LossCurve.Marker> markers = view.model().markers();
        assertEquals(2, markers.size());
        List<ValueMarker> lines = lines();
        assertEquals(1, lines.size(), "one line, not two drawn over each other: " + labels(lines));
        assertEquals(1.0, lines.get(0).getValue(), 0.0, "where the edits were made: after 1 update");
        assertEquals(markers.get(0).text() + "; " + markers.get(1).text(), lines.get(0).getLabel());
    }

    @Test
    void markersThatWouldOverprintAtThisWidthAreMerged() {
        session.stepMany(200);
        session.setLearningRate(0.9);
        session.stepMany(800);
        session.setLearningRate(0.8);
        session.step();
        session.setWeight(1, 0, 0, 0.5);
        session.stepMany(500);
        session.setConfig(bridge.snapshot().scenario().config().withLoss(Loss.MSE));
        session.stepMany(10);
        PanelScenarios.settle(session, bridge);
        List<LossCurve.Marker> markers = view.model().markers();
        assertEquals(4, markers.size(), markers.toString());
        double width = view.plotWidth();
        assertTrue(width > 500 && width < 800, "the plot of an 800 px window: " + width);
        List<ValueMarker> lines = lines();
        assertEquals(List.of(200.0, 1000.0, 1501.0), lines.stream().map(ValueMarker::getValue).toList(),
                "1 iteration is " + width / 1500 + " px: the edits at 1000 and 1001 are one line");
        assertEquals(markers.get(1).text() + "; " + markers.get(2).text(), lines.get(1).getLabel());
        assertEquals(markers.get(3).text(), lines.get(2).getLabel());
        assertEquals(markers.get(0).text(), lines.get(0).getLabel());
        assertTrue(lines.get(2).getLabel().contains("mse"), "the loss change is named on its marker");
        org.jfree.chart.axis.ValueAxis x = view.chart().getXYPlot().getDomainAxis();
        double scale = width / (x.getUpperBound() - x.getLowerBound());
        for (int a = 0; a < lines.size(); a++) {
            for (int b = a + 1; b < lines.size(); b++) {
                ValueMarker p = lines.get(a);
                ValueMarker q = lines.get(b);
                if (p.getLabelOffset().getTop() == q.getLabelOffset().getTop()) {
                    double[] sp = span(p, x.getLowerBound(), scale);
                    double[] sq = span(q, x.getLowerBound(), scale);
                    assertTrue(sp[1] <= sq[0] || sq[1] <= sp[0], "labels overprint: " + labels(lines));
                }
            }
        }
        assertEquals(LossChartViewModel.TRAINING_LABEL, ((javafx.scene.control.Label) view.lookup("#lossWhat")).getText(),
                "the loss change does not relabel the old points");
        assertEquals("loss", view.chart().getXYPlot().getRangeAxis().getLabel(), "short enough for a short chart");
        assertEquals("iteration (updates made)", x.getLabel());
    }

    @Test
    void anInfiniteLossIsMarked() {
        Scenario xor = Presets.xor();
        session.load(xor.withLayers(List.of(new LayerSpec(4, Activation.LINEAR, false),
                new LayerSpec(1, Activation.LINEAR, false))).withConfig(xor.config().withLearningRate(50)));
        session.stepMany(100);
        PanelScenarios.settle(session, bridge);
        assertTrue(bridge.snapshot().diverged());
        List<ValueMarker> lines = lines();
        assertTrue(lines.stream().anyMatch(m -> "loss = ∞".equals(m.getLabel())), labels(lines).toString());
    }

    /** @return the chart's marker lines, without the cursor, in iteration order */
    private List<ValueMarker> lines() {
        Collection<?> all = view.chart().getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        List<ValueMarker> lines = new ArrayList<>();
        for (Object m : all == null ? List.of() : all) {
            ValueMarker v = (ValueMarker) m;
            if (v.getLabel() == null || !v.getLabel().startsWith("shown:")) {
                lines.add(v);
            }
        }
        lines.sort(java.util.Comparator.comparingDouble(ValueMarker::getValue));
        return lines;
    }

    private static List<String> labels(List<ValueMarker> lines) {
        return lines.stream().map(m -> m.getValue() + ": " + m.getLabel()).toList();
    }

    /** The pixels a marker's label covers, measured as the chart draws it. */
    private static double[] span(ValueMarker m, double lower, double scale) {
        if (m.getLabel() == null) {
            return new double[] {0, 0};
        }
        double x = (m.getValue() - lower) * scale;
        double w = LossChartFactory.markerLabelWidth(m.getLabel());
        return m.getLabelTextAnchor() == TextAnchor.TOP_RIGHT ? new double[] {x - w, x} : new double[] {x, x + w};
    }

    @Test
    void logScaleWithZeroLoss(FxRobot robot, @TempDir Path dir) throws Exception {
        session.load(PanelScenarios.zeroable());
        session.setWeight(1, 0, 0, 0);
        session.setWeight(1, 1, 0, 0);
        session.step();
        session.step();
        PanelScenarios.settle(session, bridge);
        assertEquals(0.0, bridge.snapshot().losses().latest(), 0.0);
        robot.clickOn("#lossLogScale");
        WaitForAsyncUtils.waitForFxEvents();
        assertInstanceOf(LogAxis.class, view.chart().getXYPlot().getRangeAxis());
        Path png = dir.resolve("loss.png");
        Path svg = dir.resolve("loss.svg");
        WaitForAsyncUtils.asyncFx(() -> {
            view.writePng(png, 640, 360);
            view.writeSvg(svg, 640, 360);
            return null;
        }).get(20, TimeUnit.SECONDS);
        assertTrue(Files.size(png) > 1000);
        assertTrue(Files.readString(svg).contains("<svg"));
        robot.clickOn("#lossLogScale");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, view.pointCount(), "iterations 0, 1 and 2, all of loss 0, still drawn on the log scale");
    }
}
