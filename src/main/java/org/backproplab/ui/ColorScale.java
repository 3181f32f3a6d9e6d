package org.backproplab.ui;

import javafx.scene.paint.Color;

/**
 * Diverging colour scales for signed values (weights, gradients): negative at one end, neutral grey at 0,
 * positive at the other. Both are readable by people with the common forms of colour blindness.
 */
public enum ColorScale {
    /** Blue for negative, orange for positive (the default). */
    BLUE_ORANGE("Blue – orange", Color.web("#2166ac"), Color.web("#e66101")),
    /** Purple for negative, green for positive (an alternative for viewers who confuse blue and orange). */
    PURPLE_GREEN("Purple – green", Color.web("#762a83"), Color.web("#1b7837"));

    /** The colour of zero. */
    public static final Color NEUTRAL = Color.web("#b0b0b0");

    private final String text;
    private final Color negative;
    private final Color positive;

    ColorScale(String text, Color negative, Color positive) {
        this.text = text;
        this.negative = negative;
        this.positive = positive;
    }

    public Color negative() {
        return negative;
    }

    public Color positive() {
        return positive;
    }

    /**
     * @param value signed value
     * @param range the magnitude at which the colour is fully saturated (> 0)
     * @return grey at 0, blending to the negative or positive colour at {@code ±range}
     */
    public Color color(double value, double range) {
        if (!Double.isFinite(value)) {
            return Color.web("#d62728");
        }
        double t = Math.min(1.0, Math.abs(value) / Math.max(range, 1e-12));
        return NEUTRAL.interpolate(value < 0 ? negative : positive, Math.sqrt(t));
    }

    @Override
    public String toString() {
        return text;
    }
}
