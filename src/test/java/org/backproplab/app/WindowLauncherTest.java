package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The window draws region backgrounds fill by fill (the software renderer's cached textures are slow to stretch). */
class WindowLauncherTest {
    private final String before = System.getProperty(WindowLauncher.REGION_CACHING);

    @AfterEach
    void putBack() {
        if (before == null) {
            System.clearProperty(WindowLauncher.REGION_CACHING);
        } else {
            System.setProperty(WindowLauncher.REGION_CACHING, before);
        }
    }

    @Test
    void regionBackgroundsAreDrawnDirectlyUnlessTheCommandLineSaysOtherwise() {
        System.clearProperty(WindowLauncher.REGION_CACHING);
        WindowLauncher.drawBackgroundsDirectly();
        assertEquals("true", System.getProperty(WindowLauncher.REGION_CACHING));

        System.setProperty(WindowLauncher.REGION_CACHING, "false");
        WindowLauncher.drawBackgroundsDirectly();
        assertEquals("false", System.getProperty(WindowLauncher.REGION_CACHING), "-Dprism.disableRegionCaching=false given");
    }
}
