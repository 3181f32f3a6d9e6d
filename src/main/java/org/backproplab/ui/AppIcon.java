package org.backproplab.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon (assets/icon.svg, rendered by assets/make-icons.sh) on a window's title bar and task bar:
 * the sizes window managers ask for, read once (the first time on a background thread, so that decoding seven PNGs
 * does not delay the first frame) and shared by every window.
 */
public final class AppIcon {
    /** The sizes put on each window: title bars use 16 to 32 pixels, task switchers up to 256. */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static volatile List<Image> images;

    private AppIcon() {
    }

    /** Puts the icon on {@code stage}: at once if it has been read, else as soon as it is (FX thread). */
    public static void setOn(Stage stage) {
        List<Image> read = images;
        if (read != null) {
            stage.getIcons().setAll(read);
            return;
        }
        Thread t = new Thread(() -> {
            List<Image> loaded = images();
            Platform.runLater(() -> stage.getIcons().setAll(loaded));
        }, "backprop-lab-icon");
        t.setDaemon(true);
        t.start();
    }

    /** @return the icon in every size of {@link #SIZES} (any thread) */
    static synchronized List<Image> images() {
        if (images == null) {
            List<Image> list = new ArrayList<>();
            for (int size : SIZES) {
                String name = "icons/icon-" + size + ".png";
                URL url = AppIcon.class.getResource(name);
                if (url == null) {
                    throw new IllegalStateException(name + " is missing next to " + AppIcon.class.getName()
                            + ": the jar was built without assets/icon-*.png");
                }
                list.add(new Image(url.toExternalForm()));
            }
            images = List.copyOf(list);
        }
        return images;
    }
}
