package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
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
 * While digits trains at full speed the graph's edge image (362 edges) is drawn off the FX thread and the graph is
 * painted once it is ready: what the canvas shows is then exactly the drawing of one scene, as if drawn at once.
 */
@ExtendWith(ApplicationExtension.class)
class RunningGraphFxTest {
    private TrainingSession session;
    private NetworkView view;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("digits"));
        SessionBridge bridge = new SessionBridge(session);
        view = new NetworkView(bridge, new UiState());
        stage.setScene(ThemedScene.of(new StackPane(view), 1100, 450));
        stage.sizeToScene();
        stage.show();
        bridge.start();
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    /** Runs at full speed until {@code n} drawings were painted after their edge image was drawn elsewhere. */
    private void runUntilPaintedAfterEdges(int n) throws Exception {
        session.setSpeed(TrainingSession.MAX_SPEED);
        session.run();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(view::paintedAfterEdges)
                .get() >= n);
    }

    /** Checks that the canvas shows, pixel for pixel, the last drawing's scene painted again all at once. */
    private void assertCanvasIsItsSceneDrawnAtOnce(String why) throws Exception {
        WritableImage[] shown = new WritableImage[2];
        WaitForAsyncUtils.asyncFx(() -> { // both at once: no other drawing in between
            shown[0] = view.canvasImage();
            shown[1] = view.paintedAgain();
        }).get(30, TimeUnit.SECONDS);
        PixelReader canvas = shown[0].getPixelReader();
        PixelReader again = shown[1].getPixelReader();
        assertEquals(shown[1].getWidth(), shown[0].getWidth());
        int differ = 0;
        for (int y = 0; y < (int) shown[0].getHeight(); y++) {
            for (int x = 0; x < (int) shown[0].getWidth(); x++) {
                differ += canvas.getArgb(x, y) == again.getArgb(x, y) ? 0 : 1;
            }
        }
        assertEquals(0, differ, why);
    }

    @Test
    void aDrawingWhoseEdgesCameFromAnotherThreadIsOneScenesDrawing() throws Exception {
        runUntilPaintedAfterEdges(3);
        assertCanvasIsItsSceneDrawnAtOnce("pixels unlike the scene drawn at once");
        assertTrue(view.paintedAfterEdges() >= 3);
    }

    /**
     * Pausing while an edge image is still being drawn on the other thread: the paused graph is drawn at once, after
     * that drawing (never waiting for the painting queued on the FX thread: that waited for itself, and the window
     * froze), and the window answers.
     */
    @Test
    void pausingWhileEdgesAreDrawnElsewhereDrawsThePausedGraph() throws Exception {
        runUntilPaintedAfterEdges(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        NetworkView.EDGE_THREAD.execute(() -> { // holds the edge thread: the next edge image waits behind it
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(view::edgesUnderWay).get());
        session.pause();
        org.backproplab.session.Snapshot paused = session.sync().get(30, TimeUnit.SECONDS);
        assertTrue(!paused.running());
        release.countDown();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> true).get(20, TimeUnit.SECONDS), "the window answers");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !view.edgesUnderWay() && view.viewModel().snapshot() != null
                        && !view.viewModel().snapshot().running()).get());
        assertCanvasIsItsSceneDrawnAtOnce("the paused graph is its scene drawn at once");
    }
}
