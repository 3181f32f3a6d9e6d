package org.backproplab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.data.PanelScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While training runs with the inspector's tab not chosen, the inspector does not redraw its formulas and grids
 * (nobody sees them); shown, it follows the training again, and pausing brings it up to date wherever it is.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorOffScreenFxTest {
    private TrainingSession session;
    private SessionBridge bridge;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(PanelScenarios.xor());
        bridge = new SessionBridge(session);
        tabs = new TabPane(new Tab("Inspector", new InspectorView(bridge, new UiState())), new Tab("Other", new Pane()));
        tabs.getSelectionModel().select(1);
        stage.setScene(ThemedScene.of(tabs, 700, 800));
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.sizeToScene();
        stage.show();
        bridge.start();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(bridge::stop);
        session.close();
    }

    private void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    /** @return W¹[1,1] in the snapshot the window shows */
    private double weight() {
        return bridge.snapshot().network().layer(1).weights().getEntry(0, 0);
    }

    @Test
    void aHiddenInspectorWaitsWhileTrainingRunsAndCatchesUpWhenShownOrPaused(FxRobot robot) throws Exception {
        TextField w = robot.lookup("#w1_1_1").queryAs(TextField.class);
        String before = w.getText();
        double w0 = weight();
        session.setSpeed(300);
        session.run();
        waitFor("running, the weight changed", () -> bridge.snapshot().running() && bridge.snapshot().iteration() > 100
                && Math.abs(weight() - w0) > 0.01);
        assertEquals(before, w.getText(), "the hidden inspector's grid while training runs");

        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(0)).get(10, TimeUnit.SECONDS);
        waitFor("shown, it follows", () -> bridge.snapshot().running() && !w.getText().equals(before));

        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(1)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String hidden = w.getText();
        double w1 = weight();
        waitFor("hidden again, the weight changed", () -> bridge.snapshot().running() && Math.abs(weight() - w1) > 0.01);
        assertEquals(hidden, w.getText(), "hidden again while training runs");
        session.pause();
        waitFor("paused", () -> !bridge.snapshot().running());
        assertNotEquals(hidden, w.getText(), "the paused snapshot's weights, though the tab is not chosen");
    }
}
