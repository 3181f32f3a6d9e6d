package org.backproplab.ui.graph;

import java.math.BigDecimal;
import java.math.MathContext;
import org.backproplab.ui.UiState.EdgeRef;

/** Number and name formatting for the network graph: three significant digits, a real minus sign. */
public final class GraphText {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
    private static final MathContext THREE = new MathContext(3);

    private GraphText() {
    }

    /**
     * @return {@code v} with 3 significant digits, e.g. {@code 0.523}, {@code −12.3}, {@code 1.23e+05};
     *         {@code NaN} and {@code ∞} spelled out
     */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double m = Math.abs(v);
        String s;
        if (m >= 1e5 || m < 1e-3) {
            s = String.format(java.util.Locale.ROOT, "%.2e", m);
        } else {
            s = BigDecimal.valueOf(m).round(THREE).stripTrailingZeros().toPlainString();
        }
        return (v < 0 ? "−" : "") + s;
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

    /** @return the name the session uses for a parameter, e.g. {@code W1[2,3]} or {@code b2[1]} (1-based) */
    public static String paramName(EdgeRef e) {
        return e.isBias() ? "b" + e.layer() + "[" + (e.to() + 1) + "]"
                : "W" + e.layer() + "[" + (e.from() + 1) + "," + (e.to() + 1) + "]";
    }

    /**
     * Parses what someone typed into a number field.
     *
     * @param text  the text (a Unicode minus and surrounding blanks are accepted)
     * @param place where it was typed, for the message, e.g. {@code W1[2,3]}
     * @return the value
     * @throws IllegalArgumentException with a message naming the text and the place if it is not a finite number
     */
    public static double parse(String text, String place) {
        String t = text == null ? "" : text.trim().replace('−', '-');
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type a number for " + place);
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a number (" + place + ")");
        }
        if (!Double.isFinite(v) || t.matches("(?i).*[a-z].*") && !t.matches("(?i)[-+0-9.]+e[-+]?[0-9]+")) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a finite number (" + place + ")");
        }
        return v;
    }
}
