package org.backproplab.ui.graph;

import org.backproplab.text.NumberText;

/** Number and index formatting for the network graph: three significant digits, super- and subscripts. */
public final class GraphText {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private GraphText() {
    }

    /** Significant digits of the numbers on the graph (short of room, it asks for fewer than elsewhere). */
    static final int DIGITS = 3;

    /**
     * @return {@code v} as {@link NumberText#format(double, int)} writes it with {@value #DIGITS} significant digits,
     *         e.g. {@code 0.523}, {@code −12.3}, {@code 1.23e5}, {@code NaN}, {@code ∞}
     */
    public static String num(double v) {
        return NumberText.format(v, DIGITS);
    }

    /** @return {@code n} in superscript digits, e.g. {@code ²} */
    public static String sup(int n) {
        return map(n, SUPERSCRIPTS);
    }

    /** @return {@code n} in subscript digits, e.g. {@code ₂} */
    public static String sub(int n) {
        return map(n, SUBSCRIPTS);
    }

    private static String map(int n, String digits) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            b.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        }
        return b.toString();
    }
}
