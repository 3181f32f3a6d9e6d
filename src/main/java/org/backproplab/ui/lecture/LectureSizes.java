package org.backproplab.ui.lecture;

/**
 * Sizes of lecture mode. Projected text wants a height of at least 1/200 of the viewing distance: 2.5 m of
 * image seen from 10 m on a 1024-px-wide projector gives 22 px type, and a larger screen scales it up.
 */
public final class LectureSizes {
    /** The text size on a 1024×768 window, px. */
    public static final double BASE_TEXT_PX = 22;
    /** The window the base size is measured for. */
    static final double BASE_WIDTH = 1024;
    static final double BASE_HEIGHT = 768;

    private LectureSizes() {
    }

    /**
     * @return the size of every number on the graph and every line of the derivation in a window of
     *         {@code width × height}: 22 px at 1024×768, growing with the smaller of the two ratios (about 31 px at
     *         1920×1080), never less than 22 px
     */
    public static double textPx(double width, double height) {
        return Math.max(BASE_TEXT_PX, BASE_TEXT_PX * Math.min(width / BASE_WIDTH, height / BASE_HEIGHT));
    }
}
