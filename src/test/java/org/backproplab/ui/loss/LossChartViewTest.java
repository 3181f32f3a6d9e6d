package org.backproplab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.data.PanelScenarios;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
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

    @Start
    void start(Stage stage) {
        session = new TrainingSession(PanelScenarios.xor());
        bridge = new SessionBridge(session);
        view = new LossChartView(bridge, new UiState());
        stage.setScene(ThemedScene.of(view, 800, 400));
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void pointsFollowSteps(FxRobot robot) {
        assertNotNull(robot.lookup("#lossChart").queryAs(ChartViewer.class));
        for (int i = 0; i < 17; i++) {
            session.step();
        }
        PanelScenarios.settle(session, bridge);
        assertEquals(17, view.pointCount());
        session.back();
        PanelScenarios.settle(session, bridge);
        assertEquals(16, view.pointCount(), "Back rewinds the chart");
        session.reset();
        PanelScenarios.settle(session, bridge);
        assertEquals(0, view.pointCount(), "Reset clears the chart");
    }

    @Test
    void boundedAfterManyIterations() {
        session.stepMany(200_000);
        PanelScenarios.settle(session, bridge);
        int points = view.pointCount();
        assertTrue(points > 500 && points <= 4000, "drawn items: " + points);
        assertEquals(200_000, view.model().curve().count());
    }

    @Test
    void editsLeaveMarkers() {
        session.step();
        session.setWeight(1, 0, 0, 0.5);
        session.setLearningRate(0.5);
        PanelScenarios.settle(session, bridge);
        assertEquals(2, view.model().markers().size());
        XYPlot plot = view.chart().getXYPlot();
        assertEquals(2, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
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
        assertEquals(2, view.pointCount());
    }
}
