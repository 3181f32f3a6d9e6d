package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.text.NumberText;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph in a small window: hovering an edge shows its card; clicking it opens its editor; Enter commits, Esc
 * cancels, bad text is refused.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkViewFxTest {
    private static final EdgeRef EDGE = new EdgeRef(2, 1, 0);

    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private NetworkView view;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("xor"));
        bridge = new SessionBridge(session);
        state = new UiState();
        view = new NetworkView(bridge, state);
        stage.setScene(ThemedScene.of(new StackPane(view), 900, 600));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private Snapshot settle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.sync().get(10, TimeUnit.SECONDS);
        robot.interact(bridge::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        return bridge.snapshot();
    }

    private void clickEdge(FxRobot robot, EdgeRef ref) {
        Edge e = view.viewModel().scene().edges().stream().filter(x -> x.ref().equals(ref)).findFirst().orElseThrow();
        Point2D p = view.localToScreen((e.x1() + e.x2()) / 2, (e.y1() + e.y2()) / 2);
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double weight(Snapshot s) {
        return s.network().layer(EDGE.layer()).weight(EDGE.from(), EDGE.to());
    }

    @Test
    void enterCommitsTheTypedWeightAndTheLossFollows(FxRobot robot) throws Exception {
        Snapshot before = settle(robot);
        clickEdge(robot, EDGE);
        TextField field = robot.lookup("#edgeEditorField").queryAs(TextField.class);
        assertTrue(field.isVisible() && field.isFocused(), "the editor opens focused");
        assertEquals(EDGE, state.selectedEdgeProperty().get());
        assertEquals(NumberText.editable(weight(before)), field.getText(), "the exact value");
        assertEquals(field.getText(), field.getSelectedText(), "the current value is selected");
        robot.write("2.5").type(KeyCode.ENTER);
        Snapshot after = settle(robot);
        assertEquals(2.5, weight(after), 0);
        assertNotEquals(before.loss(), after.loss(), "the loss is recomputed with the new weight");
        assertFalse(view.editor().isVisible());
    }

    @Test
    void escapeCancels(FxRobot robot) throws Exception {
        Snapshot before = settle(robot);
        clickEdge(robot, EDGE);
        robot.write("9").type(KeyCode.ESCAPE);
        Snapshot after = settle(robot);
        assertFalse(view.editor().isVisible());
        assertEquals(weight(before), weight(after), 0);
        assertEquals(before.loss(), after.loss(), 0);
    }

    @Test
    void textThatIsNotANumberIsRefusedWithAMessage(FxRobot robot) throws Exception {
        Snapshot before = settle(robot);
        clickEdge(robot, EDGE);
        robot.write("abc").type(KeyCode.ENTER);
        Snapshot after = settle(robot);
        Label error = robot.lookup("#edgeEditorError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("'abc' in W2[2,1]: expected a number such as 0.5 or -1.2e-3", error.getText());
        assertTrue(view.editor().isVisible(), "the editor stays open to correct the text");
        assertEquals(weight(before), weight(after), 0, "nothing was sent");
    }

    @Test
    void anOpenEditorWhoseWeightIsGoneCloses(FxRobot robot) throws Exception {
        settle(robot);
        clickEdge(robot, EDGE);
        assertTrue(view.editor().isVisible());
        robot.interact(() -> session.load(Presets.get("gender")));
        settle(robot);
        assertTrue(view.editor().isVisible(), "the same weight W2[2,1] exists in the 2-2-1 net: it stays open");
        robot.interact(() -> session.load(Presets.get("and")));
        settle(robot);
        assertFalse(view.editor().isVisible(), "the 2-1 net of 'and' has no layer 2: the editor closed");
    }

    @Test
    void anOpenEditorFollowsItsWeightWhenTheGraphIsResized(FxRobot robot) throws Exception {
        settle(robot);
        clickEdge(robot, EDGE);
        double[] before = offsetFromLabel(EDGE);
        double[] labelBefore = view.viewModel().anchor(EDGE);
        // the graph made smaller in its window (the window itself is shared with the other tests)
        robot.interact(() -> view.setMaxSize(620, 420));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.editor().isVisible(), "still open");
        double[] label = view.viewModel().anchor(EDGE);
        assertTrue(Math.abs(label[0] - labelBefore[0]) > 50, "the label moved with the smaller graph");
        double[] after = offsetFromLabel(EDGE);
        assertEquals(before[0], after[0], 1, "the editor kept its place beside the label, across");
        assertEquals(before[1], after[1], 1, "and up or down");
        javafx.geometry.Bounds b = view.editor().getBoundsInParent();
        assertTrue(b.getMaxX() <= view.getWidth() && b.getMaxY() <= view.getHeight(), () -> b + " within the graph");
    }

    /** @return where the open editor's top left corner is from the label of {@code ref} */
    private double[] offsetFromLabel(EdgeRef ref) {
        javafx.geometry.Bounds b = view.editor().getBoundsInParent();
        double[] p = view.viewModel().anchor(ref);
        return new double[] {b.getMinX() - p[0], b.getMinY() - p[1]};
    }

    @Test
    void clickingANeuronOrNothingClosesTheOpenEditor(FxRobot robot) throws Exception {
        settle(robot);
        clickEdge(robot, EDGE);
        assertTrue(view.editor().isVisible());
        GraphScene.Neuron n = view.viewModel().scene().neurons().stream().filter(x -> x.layer() == 1 && x.index() == 0)
                .findFirst().orElseThrow();
        robot.clickOn(view.localToScreen(n.x(), n.y()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.editor().isVisible(), "a click on a neuron closes the editor");
        assertEquals(new UiState.NeuronRef(1, 0), state.selectedNeuronProperty().get());
        clickEdge(robot, EDGE);
        assertTrue(view.editor().isVisible());
        robot.clickOn(view.localToScreen(4, 4));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.editor().isVisible(), "a click on nothing closes the editor");
        assertEquals(null, state.selectedEdgeProperty().get(), "and clears the selected weight");
    }

    @Test
    void movingTheSelectionByKeyClosesTheOpenEditor(FxRobot robot) throws Exception {
        settle(robot);
        clickEdge(robot, EDGE);
        robot.interact(() -> view.selectNeighbourEdge(1));
        assertFalse(view.editor().isVisible(), "the next weight is selected, not edited");
        assertNotEquals(EDGE, state.selectedEdgeProperty().get());
        clickEdge(robot, EDGE);
        robot.interact(() -> view.selectNeighbour(1));
        assertFalse(view.editor().isVisible(), "the next neuron is selected with the editor closed");
        assertNotEquals(new UiState.NeuronRef(EDGE.layer(), EDGE.to()), state.selectedNeuronProperty().get());
    }

    @Test
    void movingTheSelectionBeforeAnyEditorOpenedMakesNone(FxRobot robot) throws Exception {
        settle(robot);
        robot.interact(() -> {
            view.selectNeighbour(1);
            view.selectNeighbourEdge(1);
        });
        assertTrue(robot.lookup("#edgeEditor").tryQuery().isEmpty(), "no editor is made to be closed");
    }

    @Test
    void hoveringAnEdgeShowsItsCardMadeAtTheFirstHover(FxRobot robot) throws Exception {
        settle(robot);
        Edge e = view.viewModel().scene().edges().stream().filter(x -> x.ref().equals(EDGE)).findFirst().orElseThrow();
        robot.moveTo(view.localToScreen((e.x1() + e.x2()) / 2, (e.y1() + e.y2()) / 2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card() != null);
        assertEquals(view.viewModel().describe(EDGE), card().getText());
        robot.moveTo(view.localToScreen(4, 4));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card() == null);
    }

    /** @return the graph's hover card if it shows */
    private javafx.scene.control.Tooltip card() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing() && t.getOwnerNode() != null
                        && view.getChildrenUnmodifiable().contains(t.getOwnerNode()))
                .map(w -> (javafx.scene.control.Tooltip) w).findFirst().orElse(null);
    }

    @Test
    void theWheelNudgesTheWeightUnderThePointer(FxRobot robot) throws Exception {
        Snapshot before = settle(robot);
        Edge e = view.viewModel().scene().edges().stream().filter(x -> x.ref().equals(EDGE)).findFirst().orElseThrow();
        robot.moveTo(view.localToScreen((e.x1() + e.x2()) / 2, (e.y1() + e.y2()) / 2));
        robot.scroll(javafx.geometry.VerticalDirection.UP);
        Snapshot after = settle(robot);
        assertEquals(0.01 * view.viewModel().range(), Math.abs(weight(after) - weight(before)), 0.005 * view.viewModel().range());
    }

    @Test
    void exportsAtTwiceTheSize(FxRobot robot) throws Exception {
        settle(robot);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.snapshotImage(2));
        assertEquals(2 * view.getWidth(), img[0].getWidth(), 1);
        assertEquals(2 * view.getHeight(), img[0].getHeight(), 1);
    }
}
