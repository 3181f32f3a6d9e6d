package org.backproplab.ui.graph;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.backproplab.data.ImageInput;
import org.backproplab.engine.Layer;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Throttle;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;

/**
 * For data sets whose inputs are an image ({@link ImageInput}): each first-layer neuron's incoming weights laid out
 * as the image, pixel {@code (r, c)} the colour of {@code W¹[r·C + c][j]} in the weight colour scale, saturating at
 * the graph's edge range {@code max |w|, |b|} — what the neuron looks for. The graph draws them inside the neurons
 * while {@link UiState#neuronThumbnailsProperty()} is on; the numbers stay in the inspector's weight grids.
 */
public final class WeightPictures {
    private final UiState state;
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);
    private final Throttle throttle = new Throttle(8);
    private final Map<Integer, WritableImage> images = new HashMap<>();
    private final InputImage inputImage = new InputImage();

    public WeightPictures(SessionBridge bridge, UiState state) {
        this.state = state;
        bridge.snapshotProperty().addListener((o, was, s) -> throttle.submit(s == null || !s.running(),
                () -> update(bridge.snapshot())));
        state.colorScaleProperty().addListener((o, a, b) -> update(bridge.snapshot()));
        state.neuronThumbnailsProperty().addListener((o, a, b) -> update(bridge.snapshot()));
        update(bridge.snapshot());
    }

    /** @return increases whenever the pictures change */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** @return the weight picture of neuron {@code n} (first layer only), or null */
    public Image image(NeuronRef n) {
        return n.layer() == 1 ? images.get(n.index()) : null;
    }

    private void update(Snapshot s) {
        images.clear();
        ImageInput image = inputImage.image(s);
        // the painter draws square pictures (digits 8×8, MNIST 28×28 or 14×14); another shape keeps the neuron maps
        if (image != null && image.rows() == image.cols() && state.neuronThumbnailsProperty().get()) {
            Layer first = s.network().layer(1);
            double[][] w = first.weights().getData();
            double range = NetworkViewModel.range(s.network()); // once: it reads every weight of the network
            for (int j = 0; j < first.size(); j++) {
                images.put(j, picture(w, j, image.rows(), image.cols(), state.colorScaleProperty().get(), range));
            }
        }
        version.set(version.get() + 1);
    }

    /**
     * @param w     {@code W¹}, one row per input, one column per neuron
     * @param j     the neuron
     * @param scale the weight colour scale
     * @param range the magnitude at which the colour saturates
     * @return a {@code cols × rows} image: pixel {@code (c, r)} is {@code scale.color(W¹[r·cols + c][j], range)}
     */
    static WritableImage picture(double[][] w, int j, int rows, int cols, ColorScale scale, double range) {
        WritableImage img = new WritableImage(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Color colour = scale.color(w[r * cols + c][j], range);
                img.getPixelWriter().setColor(c, r, colour);
            }
        }
        return img;
    }
}
