package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.ui.lecture.LectureSizes;
import org.junit.jupiter.api.Test;

/** Where the window opens, and the text size lecture mode gives a window. */
class BackpropLabAppTest {
    @Test
    void aScreenUpTo1366PxWideOpensTheWindowMaximised() {
        assertTrue(BackpropLabApp.opensMaximised(1024), "a 1024×768 projector");
        assertTrue(BackpropLabApp.opensMaximised(1280));
        assertTrue(BackpropLabApp.opensMaximised(1366));
        assertFalse(BackpropLabApp.opensMaximised(1920), "a 1080p screen keeps the 1280×800 window");
    }

    @Test
    void lectureTextIs22PxAt1024x768AndGrowsWithTheWindow() {
        org.junit.jupiter.api.Assertions.assertEquals(22, LectureSizes.textPx(1024, 768), 1e-9);
        assertTrue(LectureSizes.textPx(1280, 800) >= 22);
        assertTrue(LectureSizes.textPx(1920, 1080) >= 28, "≥ 28 px at 1920×1080: " + LectureSizes.textPx(1920, 1080));
        assertTrue(LectureSizes.textPx(800, 600) >= 22, "never below 22 px");
    }
}
