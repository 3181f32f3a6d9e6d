package org.backproplab.ui.presenter;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.shell.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window whose scene leaves its stage can be collected: presenter mode's full-screen listener leaves the stage with
 * it. (The test stage outlives every window the GUI tests show on it; it kept each one, and the test JVM ran out of
 * memory.)
 */
@ExtendWith(ApplicationExtension.class)
class StageLeakFxTest extends FxRobot {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aWindowTakenOffItsStageIsCollected() throws Exception {
        WeakReference<TrainingSession> session = show();
        interact(() -> stage.setScene(new Scene(new StackPane(), 100, 100)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            System.gc();
            return session.get() == null;
        });
    }

    private WeakReference<TrainingSession> show() throws Exception {
        TrainingSession session = new TrainingSession(Presets.get("xor"));
        SessionBridge bridge = new SessionBridge(session);
        UiState state = new UiState();
        interact(() -> {
            MainWindow window = new MainWindow(bridge, state, Presets.all());
            Scene scene = new Scene(window, 1024, 768);
            window.install(scene);
            stage.setScene(scene);
            stage.show();
        });
        session.sync().get(10, TimeUnit.SECONDS);
        session.close();
        return new WeakReference<>(session);
    }
}
