package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.graph.GraphScene.Neuron;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On the digits preset each first-layer neuron's picture is its 64 incoming weights laid out as the 8×8 image in the
 * weight colour scale, and the graph draws it inside the neuron.
 */
@ExtendWith(ApplicationExtension.class)
class WeightPicturesFxTest {
    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private NetworkView view;
    private WeightPictures weights;

    @Start
    void start(Stage stage) throws Exception {
        session = new TrainingSession(Presets.get("digits"));
        session.stepMany(20);
        session.sync().get(30, TimeUnit.SECONDS);
        bridge = new SessionBridge(session);
        state = new UiState();
        view = new NetworkView(bridge, state);
        weights = new WeightPictures(bridge, state);
        view.showNeuronImages(weights::image, weights.versionProperty());
        stage.setScene(ThemedScene.of(new StackPane(view), 1400, 2600));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** @return the colour of {@code W¹[r·8 + c][j]} under the scale, saturating at max |w|, |b| */
    private int weightColour(Network net, int j, int r, int c) {
        double range = NetworkViewModel.range(net);
        return argb(state.colorScaleProperty().get().color(net.layer(1).weights().getEntry(r * 8 + c, j), range));
    }

    @Test
    void eachFirstLayerNeuronsPictureIsItsWeightsUnderTheColourScale(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot s = bridge.snapshot();
        for (int j = 0; j < 32; j++) {
            Image img = weights.image(new NeuronRef(1, j));
            assertNotNull(img, "neuron " + j);
            assertEquals(8, (int) img.getWidth());
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    assertEquals(Integer.toHexString(weightColour(s.network(), j, r, c)),
                            Integer.toHexString(img.getPixelReader().getArgb(c, r)), "neuron " + j + " pixel " + r + "," + c);
                }
            }
        }
        assertNull(weights.image(new NeuronRef(2, 0)), "the output layer's inputs are not an image");

        robot.interact(() -> state.colorScaleProperty().set(ColorScale.PURPLE_GREEN));
        Image green = weights.image(new NeuronRef(1, 0));
        assertEquals(Integer.toHexString(weightColour(s.network(), 0, 3, 4)),
                Integer.toHexString(green.getPixelReader().getArgb(4, 3)), "follows the colour scale");

        robot.interact(() -> state.neuronThumbnailsProperty().set(false));
        assertNull(weights.image(new NeuronRef(1, 0)), "off with the neuron pictures");
    }

    @Test
    void theGraphDrawsEachPictureInsideItsNeuron(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Network net = bridge.snapshot().network();
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        PixelReader px = shot.getPixelReader();
        int checked = 0;
        for (Neuron n : view.viewModel().scene().neurons()) {
            if (n.layer() != 1 || n.biasInput()) {
                continue;
            }
            int d = NeuronImagePainter.diameter(n);
            assertTrue(d >= 16, "two pixels a weight at least: " + d);
            Text name = new Text(n.name());
            name.setFont(GraphPainter.font(GraphPainter.nameSize(n, view.viewModel().scene().font()), true));
            name.setBoundsType(javafx.scene.text.TextBoundsType.VISUAL);
            // the glyphs and their halo (the name is centred on the neuron)
            double halfW = name.getLayoutBounds().getWidth() / 2 + 2.5;
            double halfH = name.getLayoutBounds().getHeight() / 2 + 2.5;
            int here = 0;
            for (int y = 0; y < d; y++) {
                for (int x = 0; x < d; x++) {
                    boolean inside = Math.hypot(x + 0.5 - d / 2.0, y + 0.5 - d / 2.0) <= d / 2.0 - 1;
                    boolean underName = Math.abs(x + 0.5 - d / 2.0) < halfW && Math.abs(y + 0.5 - d / 2.0) < halfH;
                    if (!inside || underName) {
                        continue;
                    }
                    int r = NeuronImagePainter.cell(y, d, 8);
                    int c = NeuronImagePainter.cell(x, d, 8);
                    assertEquals(Integer.toHexString(weightColour(net, n.index(), r, c)),
                            Integer.toHexString(px.getArgb((int) (NeuronImagePainter.left(n) + x),
                                    (int) (NeuronImagePainter.top(n) + y))), n.name() + " pixel " + x + "," + y);
                    here++;
                }
            }
            assertTrue(here >= 4, n.name() + ": the picture's pixels off the name checked: " + here);
            checked += here;
        }
        assertTrue(checked >= 32, "every first-layer neuron checked: " + checked);
    }
}
