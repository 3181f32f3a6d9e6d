package org.backproplab.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon (assets/icon.svg, rendered by assets/make-icons.sh) on a window's title bar and task bar:
 * the sizes window managers ask for, read once and shared by every window.
 */
public final class AppIcon {
    /** The sizes put on each window: title bars use 16 to 32 pixels, task switchers up to 256. */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static List<Image> images;

    private AppIcon() {
    }

    /** Puts the icon on {@code stage} (FX thread). */
    public static void setOn(Stage stage) {
        stage.getIcons().setAll(images());
    }

    /** @return the icon in every size of {@link #SIZES} (FX thread) */
    static List<Image> images() {
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
