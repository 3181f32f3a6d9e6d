package org.backproplab.ui.confusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.data.Presets;
import org.backproplab.data.StratifiedSplit;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The confusion matrix on Iris after some training: every drawn count against a recount from the engine's own
 * predictions ({@code Network.predict} on the data set, the largest output), and a click on a cell.
 */
@ExtendWith(ApplicationExtension.class)
class ConfusionViewTest {
    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private ConfusionView view;

    @Start
    void start(Stage stage) throws Exception {
        session = new TrainingSession(Presets.get("iris"));
        session.stepMany(30); // part-trained: some flowers still wrong, so off-diagonal cells are not all 0
        session.sync().get(30, TimeUnit.SECONDS);
        bridge = new SessionBridge(session);
        state = new UiState();
        view = new ConfusionView(bridge, state);
        stage.setScene(ThemedScene.of(view, 700, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        bridge.stop();
        session.close();
    }

    /** {@code m[true][predicted]} recounted from the network of {@code s} over {@code rows}. */
    private static int[][] recount(Snapshot s, int[] rows) {
        Dataset d = s.scenario().dataset();
        RealMatrix out = s.network().predict(d.inputs());
        int[][] m = new int[d.targetSize()][d.targetSize()];
        for (int r : rows) {
            int truth = 0;
            int best = 0;
            for (int k = 1; k < d.targetSize(); k++) {
                truth = d.target(r, k) > d.target(r, truth) ? k : truth;
                best = out.getEntry(r, k) > out.getEntry(r, best) ? k : best;
            }
            m[truth][best]++;
        }
        return m;
    }

    private int[][] drawn(FxRobot robot, int k) {
        int[][] m = new int[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                m[t][p] = Integer.parseInt(robot.lookup("#confusion-" + t + "-" + p).queryAs(Button.class).getText());
            }
        }
        return m;
    }

    @Test
    void rightAndWrongDifferByMoreThanColour(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                Button b = robot.lookup("#confusion-" + t + "-" + p).queryAs(Button.class);
                boolean outlined = b.getBorder() != null && !b.getBorder().getStrokes().isEmpty()
                        && b.getBorder().getStrokes().get(0).getWidths().getTop() >= 2;
                assertEquals(t == p, outlined, "cell " + t + "," + p + " outlined only on the diagonal");
            }
        }
    }

    @Test
    void theDrawnCountsAreARecountOfTheEnginesPredictions(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot s = bridge.snapshot();
        assertTrue(robot.lookup("#confusionMatrix").tryQuery().isPresent());
        int[] test = s.testRows();
        assertEquals(45, test.length);
        int[][] training = recount(s, StratifiedSplit.trainRows(s.scenario().dataset().size(), test));
        assertArrayEquals(training, drawn(robot, 3), "training rows");
        int total = 0;
        int diagonal = 0;
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                total += training[t][p];
                diagonal += t == p ? training[t][p] : 0;
            }
        }
        assertEquals(105, total, "every training row counted once");
        assertEquals(s.scores().trainingAccuracy(), (double) diagonal / total, 1e-12, "the diagonal is the accuracy the scores show");

        robot.clickOn("#confusionTest");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(recount(s, test), drawn(robot, 3), "test rows");
    }

    @Test
    void clickingACellListsItsSamplesAndSelectsTheFirst(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot s = bridge.snapshot();
        int[][] m = recount(s, StratifiedSplit.trainRows(s.scenario().dataset().size(), s.testRows()));
        int t = -1;
        int p = -1;
        for (int i = 0; i < 3 && t < 0; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j && m[i][j] > 0) {
                    t = i;
                    p = j;
                    break;
                }
            }
        }
        if (t < 0) { // every training flower right: take a diagonal cell
            t = 0;
            p = 0;
        }
        robot.clickOn("#confusion-" + t + "-" + p);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#confusionSamples").queryAs(ListView.class);
        assertEquals(m[t][p], list.getItems().size(), "the cell's count of samples listed");
        List<Integer> expected = new ArrayList<>();
        Dataset d = s.scenario().dataset();
        RealMatrix out = s.network().predict(d.inputs());
        for (int r : StratifiedSplit.trainRows(d.size(), s.testRows())) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = out.getEntry(r, k) > out.getEntry(r, best) ? k : best;
            }
            if (d.target(r, t) == 1.0 && best == p) {
                expected.add(r);
            }
        }
        assertEquals(expected, list.getItems());
        assertEquals(expected.get(0), state.selectedSampleProperty().get(), "the first is selected");
        assertTrue(view.model().cellTextProperty().get().contains(m[t][p] + " sample"));
    }

    @Test
    void theMisclassifiedSamplesAreListedWithTheEnginesProbabilities(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot s = bridge.snapshot();
        Dataset d = s.scenario().dataset();
        RealMatrix out = s.network().predict(d.inputs());
        List<Integer> expected = new ArrayList<>();
        for (int r : StratifiedSplit.trainRows(d.size(), s.testRows())) {
            int truth = 0;
            int best = 0;
            for (int k = 1; k < 3; k++) {
                truth = d.target(r, k) > d.target(r, truth) ? k : truth;
                best = out.getEntry(r, k) > out.getEntry(r, best) ? k : best;
            }
            if (best != truth) {
                expected.add(r);
            }
        }
        ListView<?> list = robot.lookup("#misclassifiedList").queryAs(ListView.class);
        assertEquals(expected, list.getItems(), "every wrong training row, none else");
        assertTrue(!expected.isEmpty(), "part-trained: some flowers are wrong");
        int r = expected.get(0);
        int best = 0;
        for (int k = 1; k < 3; k++) {
            best = out.getEntry(r, k) > out.getEntry(r, best) ? k : best;
        }
        String text = view.model().describe(r);
        assertTrue(text.startsWith(d.label(r) + " → " + d.targetNames().get(best) + " ("
                + org.backproplab.text.NumberText.format(out.getEntry(r, best)) + ")"), text);
        robot.interact(() -> list.getSelectionModel().select(0));
        assertEquals(r, state.selectedSampleProperty().get(), "choosing one selects the sample");
    }

    @Test
    void aDataSetWithoutClassesSaysSo(FxRobot robot) throws Exception {
        robot.interact(bridge::start);
        session.load(Presets.get("diabetes"));
        session.sync().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confusionNone").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        assertFalse(view.model().availableProperty().get());
    }
}
