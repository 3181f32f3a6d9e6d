package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.NeuronMaps;
import org.backproplab.ui.boundary.NeuronThumbnails;
import org.backproplab.ui.graph.GraphScene.Neuron;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The neurons' maps as drawn on the graph: inside every hidden and output neuron, every pixel of its picture is the
 * colour of the cell of its map it falls in (the colour of the neuron's activation there, see NeuronThumbnailsTest),
 * in the light and the dark theme; switched off, the neurons are drawn as before.
 */
@ExtendWith(ApplicationExtension.class)
class NeuronImagesFxTest {
    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private NetworkView view;
    private NeuronThumbnails maps;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.xor());
        bridge = new SessionBridge(session);
        state = new UiState();
        view = new NetworkView(bridge, state);
        maps = new NeuronThumbnails(bridge, state);
        view.showNeuronImages(maps::image, maps.resultProperty());
        stage.setScene(ThemedScene.of(new StackPane(view), 1260, 780));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        maps.dispose();
        session.close();
    }

    /** Trains to {@code n}, shows it and waits for the maps of that very snapshot. */
    private NeuronThumbnails.Result showTrained(FxRobot robot, int n) throws Exception {
        session.stepMany(n);
        session.sync().get(30, TimeUnit.SECONDS);
        robot.interact(bridge::refresh);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            NeuronThumbnails.Result r = WaitForAsyncUtils.asyncFx(maps.resultProperty()::get).get(5, TimeUnit.SECONDS);
            return r != null && r.snapshot() == bridge.snapshot();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return maps.resultProperty().get();
    }

    private PixelReader picture() throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        return img.getPixelReader();
    }

    /**
     * @return how many pixels were checked: every pixel of every picture wholly inside its disc and off the name,
     *         each the colour of the cell it falls in ({@code cells} across the disc's {@code d} pixels)
     */
    private int assertCellsDrawn(NeuronThumbnails.Result r, PixelReader px) {
        GraphScene scene = view.viewModel().scene();
        int cells = NeuronMaps.CELLS;
        int checked = 0;
        int neurons = 0;
        for (Neuron n : scene.neurons()) {
            if (n.layer() < 1) {
                continue;
            }
            neurons++;
            int[] argb = r.argb().get(new NeuronRef(n.layer(), n.index()));
            int d = NeuronImagePainter.diameter(n);
            assertEquals(2 * n.r() * (1 - NeuronImagePainter.RING), d, 0.5, "a disc inside the circle, a ring around it");
            long left = NeuronImagePainter.left(n);
            long top = NeuronImagePainter.top(n);
            assertEquals(n.x(), left + d / 2.0, 0.5, "centred on the neuron");
            assertEquals(n.y(), top + d / 2.0, 0.5);
            assertTrue(d >= cells, "at least a pixel a cell: " + d);
            Text name = new Text(n.name());
            name.setFont(GraphPainter.font(GraphPainter.nameSize(n, scene.font()), true));
            Bounds b = name.getLayoutBounds();
            double halfW = b.getWidth() / 2 + 4;
            double halfH = b.getHeight() / 2 + 3;
            for (int y = 0; y < d; y++) {
                for (int x = 0; x < d; x++) {
                    double cx = left + x + 0.5;
                    double cy = top + y + 0.5;
                    boolean inside = Math.hypot(x + 0.5 - d / 2.0, y + 0.5 - d / 2.0) <= d / 2.0 - 1;
                    boolean underName = Math.abs(cx - n.x()) < halfW && Math.abs(cy - n.y()) < halfH;
                    if (!inside || underName) {
                        continue;
                    }
                    int row = (int) Math.floor((y + 0.5) * cells / d);
                    int col = (int) Math.floor((x + 0.5) * cells / d);
                    assertEquals(Integer.toHexString(argb[row * cells + col]),
                            Integer.toHexString(px.getArgb((int) (left + x), (int) (top + y))),
                            n.name() + ": cell " + row + "," + col + " at pixel " + (left + x) + "," + (top + y));
                    checked++;
                }
            }
        }
        assertEquals(5, neurons, "h1 to h4 and ŷ");
        return checked;
    }

    @Test
    void everyCellOfEveryNeuronsMapIsDrawnInItsColour(FxRobot robot) throws Exception {
        NeuronThumbnails.Result r = showTrained(robot, 1500);
        int checked = assertCellsDrawn(r, picture());
        assertTrue(checked > 5 * 400, "most of each picture is checked: " + checked);

        robot.interact(() -> state.themeProperty().set(Theme.DARK));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            NeuronThumbnails.Result d = WaitForAsyncUtils.asyncFx(maps.resultProperty()::get).get(5, TimeUnit.SECONDS);
            return d != null && d != r;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertCellsDrawn(maps.resultProperty().get(), picture());
    }

    @Test
    void switchedOffTheNeuronsAreDrawnAsBefore(FxRobot robot) throws Exception {
        showTrained(robot, 200);
        WritableImage with = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        robot.interact(() -> state.neuronThumbnailsProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        PixelReader off = picture();
        Neuron h1 = view.viewModel().scene().neurons().stream().filter(n -> n.layer() == 1).findFirst().orElseThrow();
        int x = (int) (h1.x() - NeuronImagePainter.diameter(h1) / 4.0);
        int y = (int) (h1.y() - NeuronImagePainter.diameter(h1) / 4.0);
        int want = argb(h1.fill());
        int got = off.getArgb(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
            assertTrue(Math.abs((want >> shift & 0xff) - (got >> shift & 0xff)) <= 1, "off: the neuron's own fill "
                    + Integer.toHexString(want) + ", drawn " + Integer.toHexString(got));
        }
        assertTrue(with.getPixelReader().getArgb(x, y) != off.getArgb(x, y), "on, the map was there");
    }

    private static int argb(javafx.scene.paint.Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
