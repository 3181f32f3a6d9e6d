package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * New neuron pictures redraw the graph at once when training is paused; while it runs the graph's own next redraw
 * shows them (a redraw for every change of the pictures came on top of the graph's own).
 */
@ExtendWith(ApplicationExtension.class)
class NeuronImagesRedrawFxTest {
    private TrainingSession session;
    private SessionBridge bridge;
    private NetworkView view;
    private final SimpleIntegerProperty pictures = new SimpleIntegerProperty();

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("xor"));
        bridge = new SessionBridge(session);
        view = new NetworkView(bridge, new UiState());
        view.showNeuronImages(n -> null, pictures);
        stage.setScene(ThemedScene.of(new StackPane(view), 900, 600));
        stage.show();
        bridge.start();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(bridge::stop);
        session.close();
    }

    /** @return the graph's redraws caused by one change of the pictures */
    private long redrawsForNewPictures() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            long before = view.redraws();
            pictures.set(pictures.get() + 1);
            return view.redraws() - before;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void newPicturesRedrawThePausedGraphAndWaitForTheRunningGraphsNextRedraw() throws Exception {
        session.setSpeed(200);
        session.run();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> view.viewModel().snapshot().running()).get());
        assertEquals(0, redrawsForNewPictures(), "redraws while running");
        session.pause();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !view.viewModel().snapshot().running()).get());
        assertEquals(1, redrawsForNewPictures(), "redraws when paused");
    }
}
