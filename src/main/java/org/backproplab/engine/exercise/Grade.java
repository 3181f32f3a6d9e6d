package org.backproplab.engine.exercise;

import org.backproplab.text.NumberText;

/**
 * An answer graded against the number expected.
 *
 * @param quantity  what was asked for
 * @param answer    what the student gave
 * @param expected  the number expected (the engine's, or the one that follows from the student's earlier answers)
 * @param right     true if the answer agrees with it within {@link #agrees the tolerance}
 * @param diagnosis the mistake the wrong answer agrees with, or null (a right answer, or no mistake matched)
 */
public record Grade(Quantity quantity, double answer, double expected, boolean right, Mistake diagnosis) {
    /** Relative tolerance of a right answer. */
    public static final double RELATIVE = 0.005;
    /** Significant digits two numbers may agree to instead. */
    public static final int DIGITS = 3;

    /**
     * @return true if {@code answer} is within 0.5 % of {@code expected} (relative), or both read the same to 3
     *         significant digits as the app writes them
     */
    public static boolean agrees(double answer, double expected) {
        if (!Double.isFinite(answer) || !Double.isFinite(expected)) {
            return false;
        }
        return Math.abs(answer - expected) <= RELATIVE * Math.abs(expected)
                || NumberText.format(answer, DIGITS).equals(NumberText.format(expected, DIGITS));
    }

    /**
     * @return "✓ Right: …" with the number expected, or "✗ Wrong: …" with the diagnosis but without the number
     *         expected, as text (never colour alone)
     */
    public String verdict() {
        if (right) {
            return "✓ Right: " + NumberText.format(answer) + " (expected " + NumberText.format(expected) + ")";
        }
        // the number expected is not given away: the student may try again, or ask for the worked solution
        String base = "✗ Wrong: " + NumberText.format(answer);
        return diagnosis == null ? base + "." : base + ". Looks like " + diagnosis.description() + ".";
    }

    /** @return the hint for the diagnosed mistake, a general one for an undiagnosed wrong answer, "" if right */
    public String hint() {
        if (right) {
            return "";
        }
        return diagnosis != null ? diagnosis.hint()
                : "No common mistake gives this number: ask for the worked solution and compare step by step.";
    }
}
