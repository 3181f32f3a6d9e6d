package org.backproplab.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way the window reads the numbers people type and writes the numbers it shows.
 *
 * <h2>Reading: {@link #parse}, {@link #parseWhole}</h2>
 * Blanks around the text are ignored. A number is an optional sign ({@code +}, {@code -} or the typographic
 * minus {@code −}), digits with at most one decimal separator, and an optional exponent ({@code e} or
 * {@code E}, e.g. {@code 1e-3}, {@code 2.5E+4}). The decimal separator is always the dot; the comma as well
 * where the system's format locale writes decimals with a comma ({@code 0,5} in a German or French
 * locale), never both in one number and never as a thousands separator. {@code NaN}, {@code Infinity}, a
 * number too large for a double and anything else are refused with one kind of message that names the
 * value, the place and what is allowed:
 * <pre>'abc' in W1[2,3]: expected a number such as 0.5 or -1.2e-3
 *'2' in momentum μ: expected a number from 0 up to (not including) 1</pre>
 *
 * <h2>Writing: {@link #format(double)}</h2>
 * Four significant digits at every magnitude, trailing zeros dropped; plain decimals from {@code 0.001} up to
 * (not including) {@code 100000}, e-notation outside that range; a typographic minus {@code −}. So
 * {@code 0.7311}, {@code −0.08013}, {@code 12.35}, {@code 1.235e5}, {@code −1.234e−7}, {@code 1e300};
 * zero is {@code 0}, and {@code NaN}, {@code ∞}, {@code −∞} are spelled out. A place short of room (a graph
 * label, a weight cell) asks for fewer digits with {@link #format(double, int)}, same rule otherwise. The
 * longest text is {@code −9.999e−308}: 11 characters, whatever the value.
 * {@link #editable(double)} is what an edit field starts with: every digit needed to read the value back
 * exactly, an ASCII minus.
 */
public final class NumberText {
    /** Significant digits of {@link #format(double)}. */
    public static final int DIGITS = 4;
    /** Below this magnitude (and not zero) a number is written in e-notation. */
    public static final double SMALL = 1e-3;
    /** From this magnitude on a number is written in e-notation. */
    public static final double LARGE = 1e5;
    /** The typographic minus sign used on screen. */
    public static final char MINUS = '−';

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberText() {
    }

    // Reading

    /**
     * @param text  what was typed
     * @param place where it was typed, for the message, e.g. {@code W1[2,3]} or {@code Alice, x1}
     * @return the finite number {@code text} denotes
     * @throws IllegalArgumentException with a message such as {@code 'abc' in W1[2,3]: expected a number such
     *                                  as 0.5 or -1.2e-3}
     */
    public static double parse(String text, String place) {
        return parse(text, place, Allowed.ANY);
    }

    /**
     * @param allowed the values the place accepts (a range, whole numbers)
     * @return the number {@code text} denotes, if {@code allowed} accepts it
     * @throws IllegalArgumentException if {@code text} is not a number or not allowed, with a message naming
     *                                  the text, the place and {@code allowed}
     */
    public static double parse(String text, String place, Allowed allowed) {
        String t = normalise(text);
        if (t.isEmpty()) {
            throw refused(text, place, allowed, null);
        }
        if (!NUMBER.matcher(t).matches()) {
            throw refused(text, place, allowed, null);
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw refused(text, place, allowed, "too large");
        }
        if (!allowed.accepts(v) || allowed.whole() && !isWhole(t)) {
            throw refused(text, place, allowed, null);
        }
        return v;
    }

    /**
     * @return the whole number {@code text} denotes ({@code 42}, {@code -7}, {@code 1e3}), from {@code min} to
     *         {@code max}
     * @throws IllegalArgumentException naming the text, the place and the range otherwise
     */
    public static long parseWhole(String text, String place, long min, long max) {
        Allowed allowed = Allowed.whole(min, max);
        String t = normalise(text);
        if (t.isEmpty() || !NUMBER.matcher(t).matches() || !isWhole(t)) {
            throw refused(text, place, allowed, null);
        }
        BigDecimal v = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw refused(text, place, allowed, null);
        }
        return v.longValueExact();
    }

    /** @return the message used when {@code text} typed in {@code place} is refused */
    public static String refusal(String text, String place, Allowed allowed) {
        return refused(text, place, allowed, null).getMessage();
    }

    private static IllegalArgumentException refused(String text, String place, Allowed allowed, String why) {
        String t = text == null ? "" : text.strip();
        String what = t.isEmpty() ? "nothing typed" : "'" + t + "'";
        return new IllegalArgumentException(what + " in " + place + ": " + (why == null ? "" : why + "; ")
                + "expected " + allowed.describe());
    }

    /** @return {@code text} stripped, with ASCII minus signs and a dot as its decimal separator (if it had one) */
    private static String normalise(String text) {
        String t = text == null ? "" : text.strip().replace(MINUS, '-');
        if (decimalComma() && t.indexOf(',') >= 0 && t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', '.');
        }
        return t;
    }

    /** @return true if the system's format locale writes decimals with a comma (then {@code 0,5} is accepted) */
    public static boolean decimalComma() {
        return DecimalFormatSymbols.getInstance(Locale.getDefault(Locale.Category.FORMAT)).getDecimalSeparator() == ',';
    }

    private static boolean isWhole(String normalised) {
        try {
            BigDecimal v = new BigDecimal(normalised.startsWith("+") ? normalised.substring(1) : normalised);
            return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }

    // Writing

    /** @return {@code v} with {@value #DIGITS} significant digits, by the rule in the class comment */
    public static String format(double v) {
        return format(v, DIGITS);
    }

    /**
     * @param digits significant digits, at least 1
     * @return {@code v} with at most {@code digits} significant digits, by the rule in the class comment
     */
    public static String format(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : MINUS + "∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = BigDecimal.valueOf(v).round(new MathContext(Math.max(1, digits), RoundingMode.HALF_UP))
                .stripTrailingZeros();
        return written(rounded).replace('-', MINUS);
    }

    /**
     * @return {@code v} as an edit field starts with it: as many digits as reading it back exactly needs
     *         ({@code 0.1}, {@code -0.5234123412341234}, {@code 135}, {@code 1.5e-7}), plain or e-notation by the
     *         same magnitudes as {@link #format(double)}, an ASCII minus; {@code 0} for NaN and infinities
     */
    public static String editable(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return "0";
        }
        return written(BigDecimal.valueOf(v).stripTrailingZeros());
    }

    /** @return {@code d} (not zero) plain if its magnitude is in [SMALL, LARGE), else as mantissa e exponent */
    private static String written(BigDecimal d) {
        double m = d.abs().doubleValue();
        if (m >= SMALL && m < LARGE) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
