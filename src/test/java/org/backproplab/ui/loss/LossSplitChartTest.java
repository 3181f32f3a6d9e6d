package org.backproplab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.data.PanelScenarios;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With L2 on, the loss chart draws the data loss and the penalty beside the loss, with legend entries that say what
 * they are: the penalty drawn at each iteration is the engine's {@code Ω(W)} of the weights there, and data loss plus
 * penalty is the loss drawn, point by point. Without a penalty the chart is as before.
 */
@ExtendWith(ApplicationExtension.class)
class LossSplitChartTest {
    private static final double SUM_TOLERANCE = 1e-12;
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

    private XYPlot plot() {
        return view.chart().getXYPlot();
    }

    private List<String> legend() {
        List<String> texts = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            if (view.chart().getLegend().isVisible()) {
                org.jfree.chart.LegendItemCollection items = view.chart().getLegend().getSources()[0].getLegendItems();
                for (int i = 0; i < items.getItemCount(); i++) {
                    texts.add(items.get(i).getLabel());
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return texts;
    }

    @Test
    void withoutAPenaltyNothingIsAdded() {
        session.stepMany(40);
        PanelScenarios.settle(session, bridge);
        XYDataset split = plot().getDataset(2);
        assertEquals(0, split.getItemCount(0));
        assertEquals(0, split.getItemCount(1));
        assertEquals(List.of(), legend(), "no legend with one run and no penalty");
    }

    @Test
    void thePenaltyDrawnIsTheEnginesAndTheTermsAddUpToTheLoss() {
        Scenario xor = PanelScenarios.xor();
        Scenario l2 = xor.withConfig(xor.config().withRegularization(Regularization.l2(0.01)));
        session.load(l2);
        session.stepMany(200);
        PanelScenarios.settle(session, bridge);
        assertDrawnIsTheEngines(l2, 201);
        List<String> legend = legend();
        assertEquals(List.of("loss L", "data loss L_data", "penalty Ω = (λ/2)·Σ W²"), legend);
        javafx.scene.control.Label what = (javafx.scene.control.Label) view.lookup("#lossWhat");
        assertEquals("training-set loss L = L_data + Ω", what.getText());
        assertTrue(what.getTooltip().getText().contains("the penalty Ω(W) is one number per iteration, (λ/2)·Σ W² with "
                + "λ = 0.01 summed over every weight"), what.getTooltip().getText());

        session.goTo(60);
        PanelScenarios.settle(session, bridge);
        assertDrawnIsTheEngines(l2, 201);
        session.back();
        PanelScenarios.settle(session, bridge);
        assertDrawnIsTheEngines(l2, 201);

        session.setTestFraction(0.25);
        session.stepMany(5);
        PanelScenarios.settle(session, bridge);
        List<String> withTest = legend(); // the split made at an earlier iteration is a run of its own
        assertTrue(withTest.contains("data loss L_data"), withTest.toString());
        assertEquals(LossChartView.TEST_LEGEND, withTest.get(withTest.size() - 1),
                "beside the dash-dot data loss, the dashed test loss is named too: " + withTest);

        session.load(xor);
        session.stepMany(10);
        PanelScenarios.settle(session, bridge);
        assertEquals(0, plot().getDataset(2).getItemCount(1), "a run without a penalty again: no split");
        assertFalse(legend().contains("data loss L_data"));
    }

    /** The split drawn: penalty = Ω of an independent trainer's weights, data loss + penalty = the loss drawn. */
    private void assertDrawnIsTheEngines(Scenario s, int points) {
        XYDataset loss = plot().getDataset(0);
        XYDataset split = plot().getDataset(2);
        assertEquals(points, split.getItemCount(1), "the penalty at every iteration");
        assertEquals(points, split.getItemCount(0), "the data loss at every iteration");
        assertEquals(points, loss.getItemCount(0));
        Trainer reference = s.createTrainer();
        for (int k = 0; k < points; k++) {
            long i = (long) split.getXValue(1, k);
            assertEquals(loss.getXValue(0, k), i, 0.0, "the same iterations as the loss");
            assertEquals(i, (long) split.getXValue(0, k));
            reference.train(i - reference.iteration());
            double omega = s.config().regularization().penalty(reference.network());
            assertEquals(omega, split.getYValue(1, k), 0.0, "Ω drawn at iteration " + i);
            assertEquals(loss.getYValue(0, k), split.getYValue(0, k) + split.getYValue(1, k), SUM_TOLERANCE,
                    "L_data + Ω = L at iteration " + i);
        }
        assertTrue(split.getYValue(1, 0) > 0);
    }
}
