package org.backproplab.app;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Opens the window. Kept apart from {@link Launcher} so that the command line never loads JavaFX classes,
 * and so that {@code java -jar} works without a module path (the main class is not an Application).
 */
public final class WindowLauncher {
    /**
     * Java's preferences log "Created user preferences directory." at the first start on a machine: the window
     * keeps the theme and the recent files there, and that is no news for the person starting it. (Held here:
     * a logger nobody holds may be collected, and its level with it.)
     */
    private static final Logger PREFERENCES_LOG = Logger.getLogger("java.util.prefs");

    /** The JavaFX setting that draws a region's background fills one by one instead of from a cached texture. */
    static final String REGION_CACHING = "prism.disableRegionCaching";

    private WindowLauncher() {
    }

    /**
     * Region backgrounds are drawn fill by fill, not stretched from a cached texture (unless {@value #REGION_CACHING}
     * is given on the command line). Without a graphics card JavaFX renders in software, where stretching the cached
     * texture of a background of two fills over a large region (the data table's, 880×300 px at 1920×1080) is far
     * slower than filling its rectangles: it was a fifth of the renderer's time while training digits at full speed.
     */
    static void drawBackgroundsDirectly() {
        if (System.getProperty(REGION_CACHING) == null) {
            System.setProperty(REGION_CACHING, "true");
        }
    }

    /**
     * @param args nothing, or {@code --benchmark-ui N} (or {@code --benchmark-ui=N}) to run the window at full speed
     *             (after a warm-up) for {@code N} seconds
     *             and print the figures
     */
    public static void main(String[] args) {
        StartBenchmark.mark("main");
        // the window uses AWT only off screen (the chart's fonts and shapes, image export), never its windows: without
        // a connection of its own to the display it starts faster and never races GTK (which warned about it)
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        drawBackgroundsDirectly();
        PREFERENCES_LOG.setLevel(Level.WARNING);
        try {
            UiBenchmark.fromParameters(java.util.Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        SignalExit.enabled = true;
        boolean bare = StartBenchmark.bare(java.util.Arrays.asList(args));
        if (!bare) {
            StartupWork.begin();
        }
        try {
            Application.launch(bare ? BareWindow.class : BackpropLabApp.class, args);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // e.g. "Unable to open DISPLAY" on a machine without a screen: say so in one line
            System.err.println("backprop-lab: cannot open the window (" + e.getMessage() + "). "
                    + "Run it on a desktop, or use the command line: java -jar backprop-lab.jar help");
            System.exit(2);
        }
        // the window has closed (or a signal closed it): end here, whatever thread a library left running
        System.exit(0);
    }
}
