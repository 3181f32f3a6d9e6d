package org.backproplab.ui.shell;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window, complete, on a session of its own, in a 1024×768 scene (the smallest projector): what the tests
 * of a lesson or an exercise in the real window drive.
 */
public final class ClassroomWindow {
    private ClassroomWindow() {
    }

    /** @return the window on {@code bridge}, shown in {@code stage} at 1024×768 */
    public static MainWindow show(Stage stage, SessionBridge bridge) {
        MainWindow window = new MainWindow(bridge, new UiState(), Presets.all());
        Scene scene = new Scene(window, 1024, 768);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /** Waits until every command sent so far has run and the window shows the result; returns that snapshot. */
    public static Snapshot settle(FxRobot robot, TrainingSession session, SessionBridge bridge) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.sync().get(30, TimeUnit.SECONDS);
        robot.interact(bridge::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        return bridge.snapshot();
    }
}
