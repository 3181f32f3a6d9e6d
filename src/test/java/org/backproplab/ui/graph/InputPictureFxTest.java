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
import javafx.stage.Stage;
import org.backproplab.data.ImageInput;
import org.backproplab.data.Presets;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.graph.GraphScene.Feed;
import org.backproplab.ui.graph.GraphScene.Neuron;
import org.backproplab.ui.graph.GraphScene.Picture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On the digits preset each first-layer neuron's picture is its 64 incoming weights laid out as the 8×8 image in the
 * weight colour scale. The graph draws the inputs as the selected sample's 8×8 picture, each pixel the grey of the
 * engine's input there; one line per first-layer neuron carries {@code Σ_i x_i W¹[i][j]}; the first layer is a
 * grid of squares large enough for its weight pictures. Drawn at about the graph's size in a 1920×1080 window.
 */
@ExtendWith(ApplicationExtension.class)
class InputPictureFxTest {
    /** The sample selected in the tests. */
    private static final int SAMPLE = 7;

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
        state.selectedSampleProperty().set(SAMPLE);
        view = new NetworkView(bridge, state);
        weights = new WeightPictures(bridge, state);
        view.showNeuronImages(weights::image, weights.versionProperty());
        stage.setScene(ThemedScene.of(new StackPane(view), 1100, 450));
        stage.sizeToScene(); // the test stage is shared: an earlier test's size would stay
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

    private WritableImage shot() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachPixelIsTheGreyOfTheEnginesInputAndHoverSaysItsValue() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot s = bridge.snapshot();
        GraphScene scene = view.viewModel().scene();
        Picture p = scene.picture();
        assertNotNull(p, "the inputs are drawn as a picture");
        assertTrue(scene.neurons().stream().noneMatch(n -> n.layer() == 0), "no column of 64 input circles");
        assertTrue(scene.edges().stream().noneMatch(e -> e.ref().layer() == 1 && !e.ref().isBias()),
                "no 2,048 single weights into the first layer");
        int row = state.sampleOnShow(s).sample();
        assertTrue(row >= 0, "one sample on show");
        double[] x = s.evaluation().inputs().getRow(row);
        double[] ink = ImageInput.of(s.scenario()).orElseThrow().ink(x);
        PixelReader px = shot().getPixelReader();
        int dark = 0;
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                int i = r * 8 + c;
                assertEquals(x[i], p.inputs()[i], "the engine's input " + i);
                int cx = (int) (p.x() + (c + 0.5) * p.cell());
                int cy = (int) (p.y() + (r + 0.5) * p.cell());
                // the renderer keeps 8 bits a channel: within one step of the grey
                Color drawn = px.getColor(cx, cy);
                assertEquals(1 - ink[i], drawn.getRed(), 1.0 / 255, "pixel " + r + "," + c + " of input " + x[i]);
                assertTrue(drawn.getRed() == drawn.getGreen() && drawn.getGreen() == drawn.getBlue(), "grey: " + drawn);
                // and so is every pixel of its square, up to its edges (no smoothing from the neighbours)
                int x0 = (int) Math.ceil(p.x() + c * p.cell());
                int y0 = (int) Math.ceil(p.y() + r * p.cell());
                int x9 = (int) Math.floor(p.x() + (c + 1) * p.cell()) - 1;
                int y9 = (int) Math.floor(p.y() + (r + 1) * p.cell()) - 1;
                for (int[] corner : new int[][] {{x0, y0}, {x9, y0}, {x0, y9}, {x9, y9}}) {
                    assertEquals(drawn, px.getColor(corner[0], corner[1]), "pixel " + r + "," + c + " of " + p.x() + "," + p.y() + "+" + p.cell() + " at its corner "
                            + corner[0] + "," + corner[1]);
                }
                assertEquals(i, view.viewModel().pixelAt(cx, cy), "hover finds pixel " + r + "," + c);
                assertTrue(view.viewModel().describePixel(i).contains(GraphText.num(x[i])),
                        view.viewModel().describePixel(i));
                dark += ink[i] > 0.5 ? 1 : 0;
            }
        }
        assertTrue(dark >= 8 && dark <= 56, "a digit, not a blank or a black square: " + dark + " dark pixels");
        assertTrue(p.cell() >= 20, "the picture is large: " + p.cell() + " px per pixel");
        assertEquals(-1, view.viewModel().pixelAt(p.x() - 2, p.y() + 2));
    }

    @Test
    void eachLineFromThePictureCarriesWhatItSendsTheNeuron() {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot s = bridge.snapshot();
        Network net = s.network();
        Picture p = view.viewModel().scene().picture();
        int row = state.sampleOnShow(s).sample();
        assertEquals(32, p.feeds().size());
        for (Feed f : p.feeds()) {
            // z = x·W + b as the engine computed it for the sample, less the bias
            double expected = s.evaluation().preActivations().get(1).getEntry(row, f.to()) - net.layer(1).bias().getEntry(f.to());
            assertEquals(expected, f.value(), 1e-9, "h" + (f.to() + 1));
        }
    }

    @Test
    void theFirstLayersWeightPicturesAreLargeSquaresOfTheirWeights() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Network net = bridge.snapshot().network();
        PixelReader px = shot().getPixelReader();
        int checked = 0;
        for (Neuron n : view.viewModel().scene().neurons()) {
            if (n.layer() != 1) {
                assertTrue(!n.square(), n.name());
                continue;
            }
            assertTrue(n.square(), n.name());
            int d = NeuronImagePainter.side(n, 8);
            assertEquals(0, d % 8, "whole pixels a weight");
            assertTrue(d / 8 >= 5, n.name() + ": at least 5 px a weight at this size, was " + d / 8);
            long left = NeuronImagePainter.left(n, d);
            long top = NeuronImagePainter.top(n, d);
            int block = d / 8;
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    if (r < 3 && c < 6) {
                        continue; // the neuron's name, in the top-left corner
                    }
                    // every pixel of the weight's block
                    for (int y = 0; y < block; y++) {
                        for (int x = 0; x < block; x++) {
                            assertEquals(Integer.toHexString(weightColour(net, n.index(), r, c)), Integer.toHexString(
                                    px.getArgb((int) left + c * block + x, (int) top + r * block + y)),
                                    n.name() + " W1[" + (r * 8 + c) + "," + n.index() + "]");
                        }
                    }
                    checked++;
                }
            }
        }
        assertEquals(32 * (64 - 18), checked);
    }

    @Test
    void otherDataSetsKeepTheirInputNeurons(FxRobot robot) throws Exception {
        robot.interact(bridge::start);
        session.load(Presets.get("xor"));
        session.sync().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bridge.snapshot().scenario().name().equals("xor"));
        WaitForAsyncUtils.waitForFxEvents();
        GraphScene scene = view.viewModel().scene();
        assertNull(scene.picture());
        assertEquals(3, scene.neurons().stream().filter(n -> n.layer() == 0).count());
    }

    @Test
    void inLectureModeOnASmallProjectorEveryWeightIsAtLeastFivePixels(FxRobot robot) {
        // the graph's share of a 1024×768 projector in lecture mode, at its 22 px type
        robot.interact(() -> {
            state.lectureProperty().set(true);
            state.lectureTextProperty().set(22);
            view.getScene().getWindow().setWidth(600);
            view.getScene().getWindow().setHeight(620);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (Neuron n : view.viewModel().scene().neurons()) {
            if (n.layer() == 1) {
                int d = NeuronImagePainter.side(n, 8);
                assertTrue(d / 8 >= 5, n.name() + ": " + d / 8 + " px a weight");
            }
        }
        Picture p = view.viewModel().scene().picture();
        assertTrue(p.cell() >= 16, "the picture's pixels: " + p.cell() + " px");
    }
}
