package org.backproplab.ui.graph;

import org.backproplab.data.ImageInput;
import org.backproplab.data.Scenario;
import org.backproplab.session.Snapshot;

/**
 * Whether the graph draws a snapshot's inputs as a picture: they are an image ({@link ImageInput}: digits, MNIST),
 * the network takes exactly its pixels, and a hidden layer follows the inputs (its neurons get the grid and their
 * weight pictures). Remembers the answer for the same images, since working it out reads the data set.
 */
final class InputImage {
    private Scenario seen;
    private ImageInput image;

    /** @return how the inputs are an image whose pixels are exactly the network's inputs, or null */
    ImageInput image(Snapshot s) {
        if (s == null) {
            return null;
        }
        if (seen != s.scenario()) { // most snapshots share the scenario: no need to compare the data sets
            if (seen == null || !ImageInput.sameImages(seen, s.scenario())) {
                image = ImageInput.of(s.scenario()).orElse(null);
            }
            seen = s.scenario();
        }
        return image != null && s.network().inputSize() == image.rows() * image.cols() ? image : null;
    }

    /** @return how the inputs are an image, or null if the graph draws them as a column of neurons */
    ImageInput drawn(Snapshot s) {
        ImageInput i = image(s);
        return i != null && s.network().depth() >= 2 && s.scenario().dataset().biasColumn() < 0 ? i : null;
    }
}
