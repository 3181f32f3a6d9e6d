package org.backproplab.ui.data;

import java.util.Locale;

/**
 * Reading and writing numbers in the panels' text fields and cells. Accepts {@code 0.5}, {@code -2},
 * {@code 1e-3}, the typographic minus {@code −} and a decimal comma ({@code 0,5}); refuses anything else
 * with a message that names the value and the place.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * @param text  what was typed
     * @param place where it was typed, e.g. {@code "Alice, x1"}
     * @return the finite number {@code text} denotes
     * @throws IllegalArgumentException with a message such as {@code "'1,5x' is not a number (Alice, x1)"}
     */
    public static double parse(String text, String place) {
        String t = text == null ? "" : text.strip().replace('−', '-').replace('\u2212', '-');
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', '.');
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an empty field is not a number (" + place + ")");
        }
        double v;
        try {
            if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(t);
            }
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a number (" + place + ")");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("'" + text.strip() + "' is too large (" + place + ")");
        }
        return v;
    }

    /** @return {@code v} with at most four significant digits, a typographic minus, e.g. {@code −0.08013} */
    public static String format(double v) {
        return typographic(plain(v, 4));
    }

    /** @return {@code v} with at most {@code digits} significant digits and a typographic minus */
    public static String format(double v, int digits) {
        return typographic(plain(v, digits));
    }

    /** @return {@code v} short but exact enough to edit: integers as integers, else up to 6 significant digits */
    public static String editable(double v) {
        return plain(v, 6);
    }

    private static String plain(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e6) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        }
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** @return {@code s} with ASCII minus signs replaced by the typographic {@code −} */
    public static String typographic(String s) {
        return s.replace('-', '−');
    }
}
