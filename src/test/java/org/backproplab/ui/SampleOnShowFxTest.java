package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.data.DataTableView;
import org.backproplab.ui.graph.GraphScene;
import org.backproplab.ui.graph.NetworkView;
import org.backproplab.ui.inspector.InspectorView;
import org.backproplab.ui.inspector.InspectorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph's caption and the inspector name the same sample (the 2-2-1 people preset trains on one sample per
 * iteration): after a row is clicked in the table, after a step, after a phase, with all samples selected.
 */
@ExtendWith(ApplicationExtension.class)
class SampleOnShowFxTest {
    private static final Pattern GRAPH = Pattern.compile("(?:Sample|showing) “([^”]+)”");
    private static final Pattern INSPECTOR = Pattern.compile("sample ([\\p{L}\\p{N}#]+)");

    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private NetworkView graph;
    private InspectorView inspector;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("gender"));
        bridge = new SessionBridge(session);
        state = new UiState();
        graph = new NetworkView(bridge, state);
        inspector = new InspectorView(bridge, state);
        graph.setPrefSize(700, 380);
        inspector.setPrefSize(480, 380);
        DataTableView table = new DataTableView(bridge, state);
        Scene scene = new Scene(new VBox(new HBox(graph, inspector), table), 1180, 760);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheetUrls());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void settle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.sync().get(10, TimeUnit.SECONDS);
        robot.interact(bridge::refresh);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** @return the sample the graph's caption (or, while stepping, its note) names */
    private String graphSample() {
        GraphScene s = graph.viewModel().scene();
        String text = s.caption() + "\n" + s.note();
        Matcher m = GRAPH.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1); // "“Charlie” is not in the next batch …: showing “Alice”": the last one is on show
        }
        assertTrue(last != null, "the graph names a sample: " + text);
        return last;
    }

    /** @return every sample the inspector's formulas name (one, if they all follow the same sample) */
    private Set<String> inspectorSamples() {
        InspectorViewModel m = inspector.model();
        Set<String> names = new LinkedHashSet<>();
        Matcher t = INSPECTOR.matcher(m.activeTitleProperty().get() + "\n" + m.allTextProperty().get());
        while (t.find()) {
            names.add(t.group(1));
        }
        return names;
    }

    private void assertSameSample(String when) {
        String shown = graphSample();
        assertEquals(Set.of(shown), inspectorSamples(), when + ": the graph shows " + shown);
    }

    private void clickRow(FxRobot robot, int row) {
        Node r = robot.lookup("#dataTable .table-row-cell").nth(row).query();
        robot.clickOn(robot.from(r).lookup(".table-cell").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theGraphAndTheInspectorShowTheSameSample(FxRobot robot) throws Exception {
        settle(robot);
        Snapshot s = bridge.snapshot();
        assertEquals(1, s.preview().samples().length, "per-sample training");
        int next = s.preview().samples()[0];
        int other = (next + 2) % 4;
        clickRow(robot, other);
        assertEquals(other, state.selectedSampleProperty().get());
        assertSameSample("a row that the next iteration does not train on selected");
        assertTrue(graph.viewModel().scene().note().contains("is not in the next batch"), graph.viewModel().scene().note());

        clickRow(robot, next);
        assertSameSample("the next iteration's own row selected");
        assertEquals(s.scenario().dataset().label(next), graphSample());
        assertFalse(graph.viewModel().scene().note().contains("is not in"), "no excuse needed");

        for (int i = 0; i < 3; i++) {
            robot.interact(session::step);
            settle(robot);
            assertSameSample("after step " + (i + 1));
            robot.interact(session::stepPhase);
            settle(robot);
            assertSameSample("after a phase of iteration " + (i + 2));
            robot.interact(session::stepPhase);
            robot.interact(session::stepPhase);
            settle(robot);
            assertSameSample("after three phases of iteration " + (i + 2));
            robot.interact(session::step);
            settle(robot);
        }

        robot.clickOn("#allSamplesToggle");
        settle(robot);
        assertEquals(-1, state.selectedSampleProperty().get());
        robot.interact(session::stepPhase);
        settle(robot);
        assertSameSample("all samples selected, stepping an iteration of one sample");
    }
}
