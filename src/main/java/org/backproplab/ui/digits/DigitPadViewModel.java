package org.backproplab.ui.digits;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.data.ImageInput;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;

/**
 * The draw-a-digit pad's state (FX thread, no Nodes): a grid of ink the size the training images were made from
 * ({@link ImageInput}), the input vector it becomes, and the network's output for it, {@code ŷ = predict(x)} with the
 * weights of the latest snapshot. Only image data sets have a pad ({@link #imageProperty()} empty otherwise).
 */
public final class DigitPadViewModel {
    private final ReadOnlyObjectWrapper<ImageInput> image = new ReadOnlyObjectWrapper<>(this, "image", null);
    private final ReadOnlyObjectWrapper<double[]> probabilities = new ReadOnlyObjectWrapper<>(this, "probabilities",
            new double[0]);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);
    private List<String> classNames = List.of();
    private boolean[][] ink = new boolean[0][0];
    private Network network;
    private Scenario seen;

    // Properties

    /** @return how the inputs are an image, or null when the data set is not one (no pad) */
    public ReadOnlyObjectProperty<ImageInput> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** @return {@code ŷ} for the drawing, one per class (empty without a pad) */
    public ReadOnlyObjectProperty<double[]> probabilitiesProperty() {
        return probabilities.getReadOnlyProperty();
    }

    /** @return increases every time the drawing changes */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** @return the class names, one per output */
    public List<String> classNames() {
        return classNames;
    }

    /** @return true if pixel ({@code row}, {@code col}) of the drawing is ink */
    public boolean ink(int row, int col) {
        return ink[row][col];
    }

    /** @return a copy of the drawing */
    public boolean[][] drawing() {
        return Arrays.stream(ink).map(boolean[]::clone).toArray(boolean[][]::new);
    }

    /** @return the drawing as the network's inputs (empty without a pad) */
    public double[] inputs() {
        return image.get() == null ? new double[0] : image.get().fromDrawing(ink);
    }

    // Commands

    /** Follows a new snapshot: the weights now; a new data set replaces the pad (and clears the drawing). */
    public void update(Snapshot s) {
        if (s == null) {
            return;
        }
        Scenario sc = s.scenario();
        if (seen == null || !ImageInput.sameImages(seen, sc)) {
            seen = sc;
            Optional<ImageInput> found = ImageInput.of(sc);
            classNames = sc.dataset().targetNames();
            ink = found.map(i -> new boolean[i.padRows()][i.padCols()]).orElse(new boolean[0][0]);
            network = s.network();
            image.set(found.orElse(null));
            version.set(version.get() + 1);
        }
        network = s.network();
        predict();
    }

    /** Paints ink on every pixel within {@code radius} pixels of ({@code row}, {@code col}) (pad coordinates). */
    public void paint(double row, double col, double radius) {
        set(row, col, radius, true);
    }

    /** Erases every pixel within {@code radius} of ({@code row}, {@code col}). */
    public void erase(double row, double col, double radius) {
        set(row, col, radius, false);
    }

    /** Makes the whole pad paper again. */
    public void clear() {
        for (boolean[] r : ink) {
            Arrays.fill(r, false);
        }
        changed();
    }

    private void set(double row, double col, double radius, boolean value) {
        boolean any = false;
        for (int i = (int) Math.floor(row - radius); i <= (int) Math.ceil(row + radius); i++) {
            for (int j = (int) Math.floor(col - radius); j <= (int) Math.ceil(col + radius); j++) {
                boolean inside = i >= 0 && i < ink.length && j >= 0 && j < ink[i].length;
                double di = i + 0.5 - row;
                double dj = j + 0.5 - col;
                if (inside && di * di + dj * dj <= radius * radius && ink[i][j] != value) {
                    ink[i][j] = value;
                    any = true;
                }
            }
        }
        if (any) {
            changed();
        }
    }

    private void changed() {
        version.set(version.get() + 1);
        predict();
    }

    private void predict() {
        ImageInput i = image.get();
        if (i == null || network == null || network.inputSize() != i.rows() * i.cols()) {
            probabilities.set(new double[0]);
            return;
        }
        probabilities.set(network.predict(i.fromDrawing(ink)));
    }
}
