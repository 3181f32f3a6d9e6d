package org.backproplab.text;

import java.util.Locale;

/**
 * What a number field accepts, and how its refusal message says so: any finite number, a range (each end
 * included or not), whole numbers only; with an optional reason ("with the bce loss").
 *
 * @param min      the least value, or −∞
 * @param minOpen  true if {@code min} itself is not allowed
 * @param max      the greatest value, or +∞
 * @param maxOpen  true if {@code max} itself is not allowed
 * @param whole    true if only whole numbers are allowed
 * @param example  a value to show as an example, or NaN for none
 * @param reason   said after the range, e.g. {@code "with the bce loss"}, or empty
 */
public record Allowed(double min, boolean minOpen, double max, boolean maxOpen, boolean whole, double example,
                      String reason) {
    /** Any finite number. */
    public static final Allowed ANY = new Allowed(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false,
            false, Double.NaN, "");

    /** @return numbers ≥ {@code min}, e.g. a learning rate */
    public static Allowed atLeast(double min, double example) {
        return new Allowed(min, false, Double.POSITIVE_INFINITY, false, false, example, "");
    }

    /** @return numbers from {@code min} to {@code max}, both included */
    public static Allowed between(double min, double max, double example) {
        return new Allowed(min, false, max, false, false, example, "");
    }

    /** @return numbers from {@code min} (included) up to {@code max} (not included), e.g. a momentum */
    public static Allowed fromUpTo(double min, double max, double example) {
        return new Allowed(min, false, max, true, false, example, "");
    }

    /** @return numbers above {@code min} (not included) up to {@code max} (included), e.g. an ε */
    public static Allowed aboveUpTo(double min, double max, double example) {
        return new Allowed(min, true, max, false, false, example, "");
    }

    /** @return whole numbers from {@code min} to {@code max} (the limits of a long: any whole number) */
    public static Allowed whole(long min, long max) {
        return new Allowed(min, false, max, false, true, Double.NaN, "");
    }

    /** @return the same values, with {@code why} said after them in a refusal */
    public Allowed because(String why) {
        return new Allowed(min, minOpen, max, maxOpen, whole, example, why);
    }

    /** @return true if {@code v} (finite) is in the range */
    public boolean accepts(double v) {
        return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max) && (!whole || v == Math.rint(v));
    }

    /** @return e.g. "a number such as 0.5 or -1.2e-3", "a number from 0 up to (not including) 1, such as 0.9" */
    public String describe() {
        String kind = whole ? "a whole number" : "a number";
        boolean low = min != Double.NEGATIVE_INFINITY && (!whole || min > Long.MIN_VALUE);
        boolean high = max != Double.POSITIVE_INFINITY && (!whole || max < Long.MAX_VALUE);
        String range;
        if (low && high && minOpen) {
            range = " above " + text(min) + (maxOpen ? " and below " : " up to ") + text(max);
        } else if (low && high) {
            range = " from " + text(min) + (maxOpen ? " up to (not including) " : " to ") + text(max);
        } else if (low) {
            range = minOpen ? " > " + text(min) : " ≥ " + text(min);
        } else if (high) {
            range = maxOpen ? " < " + text(max) : " ≤ " + text(max);
        } else {
            range = "";
        }
        String such;
        if (!Double.isNaN(example)) {
            such = (range.isEmpty() ? "" : ",") + " such as " + NumberText.editable(example);
        } else if (range.isEmpty()) {
            such = whole ? " such as 42" : " such as 0.5 or -1.2e-3";
        } else {
            such = "";
        }
        return kind + range + such + (reason.isEmpty() ? "" : " " + reason);
    }

    private String text(double v) {
        return whole ? String.format(Locale.ROOT, "%,d", (long) v) : NumberText.editable(v);
    }
}
