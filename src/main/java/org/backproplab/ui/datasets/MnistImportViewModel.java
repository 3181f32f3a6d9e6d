package org.backproplab.ui.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.backproplab.data.Dataset;
import org.backproplab.data.MnistImport;
import org.backproplab.data.Scenarios;
import org.backproplab.text.NumberText;
import org.backproplab.ui.SessionBridge;

/**
 * The Import MNIST dialog's state (FX thread, no nodes): the two idx files, the sample limit (typed like every
 * number), 2× downsampling, and why the last attempt was refused. "Import" reads the files ({@link MnistImport})
 * and starts over on them under the current hidden layers; anything refused leaves the session as it was.
 */
public final class MnistImportViewModel {
    /** The sample limit the dialog starts with. */
    public static final int DEFAULT_LIMIT = 1000;

    private final SessionBridge bridge;
    private final StringProperty images = new SimpleStringProperty(this, "images", "");
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "");
    private final StringProperty limit = new SimpleStringProperty(this, "limit", Integer.toString(DEFAULT_LIMIT));
    private final BooleanProperty downsample = new SimpleBooleanProperty(this, "downsample", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public MnistImportViewModel(SessionBridge bridge) {
        this.bridge = bridge;
    }

    // Properties

    /** @return the path of the images file ({@code …-images-idx3-ubyte[.gz]}) */
    public StringProperty imagesProperty() {
        return images;
    }

    /** @return the path of the labels file ({@code …-labels-idx1-ubyte[.gz]}) */
    public StringProperty labelsProperty() {
        return labels;
    }

    /** @return the most samples to read, as typed */
    public StringProperty limitProperty() {
        return limit;
    }

    /** @return true to average 2×2 blocks (28×28 → 14×14) */
    public BooleanProperty downsampleProperty() {
        return downsample;
    }

    /** @return why the last import was refused, naming the file and the field; or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // Commands

    /**
     * Reads the files and starts over on them.
     *
     * @return false (nothing sent, {@link #errorProperty()} says why) if a field or a file is refused
     */
    public boolean importNow() {
        try {
            if (images.get().isBlank() || labels.get().isBlank()) {
                return refuse("Choose the images file and the labels file.");
            }
            int n = (int) NumberText.parseWhole(limit.get(), "sample limit", 1, MnistImport.MAX_COUNT);
            Dataset d = MnistImport.read(Path.of(images.get().trim()), Path.of(labels.get().trim()), n, downsample.get());
            String name = "mnist";
            String text = String.format(Locale.ROOT, "MNIST idx files %s and %s: %,d samples%s", Path.of(images.get()).getFileName(),
                    Path.of(labels.get()).getFileName(), d.size(), downsample.get() ? ", downsampled 2×" : "");
            try {
                Scenarios.forDataset(bridge.snapshot().scenario(), d, name, text);
            } catch (IllegalArgumentException e) {
                return refuse("Under the current hidden layers, " + e.getMessage() + ". Use a smaller sample limit, "
                        + "downsample 2×, or fewer hidden neurons first.");
            }
            new DatasetsViewModel(bridge).load(d, name, text);
            error.set("");
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return refuse(e.getMessage());
        }
    }

    private boolean refuse(String why) {
        error.set(why);
        return false;
    }
}
