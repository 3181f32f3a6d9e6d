package org.backproplab.ui.graph;

import org.backproplab.data.ImageInput;
import org.backproplab.session.Snapshot;

/**
 * Whether the graph draws a snapshot's inputs as a picture: they are an image ({@link ImageInput}: digits, MNIST),
 * the network takes exactly its pixels, and a hidden layer follows the inputs (its neurons get the grid and their
 * weight pictures).
 */
final class InputImage {
    private final ImageInput.Memo memo = new ImageInput.Memo();

    /** @return how the inputs are an image whose pixels are exactly the network's inputs, or null */
    ImageInput image(Snapshot s) {
        if (s == null) {
            return null;
        }
        ImageInput image = memo.of(s.scenario());
        return image != null && s.network().inputSize() == image.rows() * image.cols() ? image : null;
    }

    /** @return how the inputs are an image, or null if the graph draws them as a column of neurons */
    ImageInput drawn(Snapshot s) {
        ImageInput i = image(s);
        return i != null && s.network().depth() >= 2 && s.scenario().dataset().biasColumn() < 0 ? i : null;
    }
}
