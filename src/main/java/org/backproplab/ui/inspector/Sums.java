package org.backproplab.ui.inspector;

import static org.backproplab.text.NumberText.format;

/**
 * A sum written out for the derivation: every non-zero term, and the terms that are 0 collapsed into one
 * "+ 2 terms that are 0" (never a non-zero term hidden behind "…").
 */
final class Sums {
    private Sums() {
    }

    /** @return {@code (a₀)(b₀) + (a₁)(b₁) + …} for the products {@code a_k·b_k}, zero products collapsed */
    static String products(double[] a, double[] b) {
        StringBuilder s = new StringBuilder();
        int zeros = 0;
        for (int k = 0; k < a.length; k++) {
            if (a[k] * b[k] == 0) {
                zeros++;
            } else {
                s.append(s.length() > 0 ? " + " : "").append(paren(a[k])).append(paren(b[k]));
            }
        }
        return withZeros(s, zeros);
    }

    /** @return {@code v₀ + v₁ + …}, the terms that are 0 collapsed */
    static String terms(double[] v) {
        StringBuilder s = new StringBuilder();
        int zeros = 0;
        for (double x : v) {
            if (x == 0) {
                zeros++;
            } else {
                s.append(s.length() > 0 ? " + " : "").append(format(x));
            }
        }
        return withZeros(s, zeros);
    }

    /** @return e.g. "2 terms that are 0", "1 term that is 0" */
    static String zeros(int n) {
        return n + (n == 1 ? " term that is 0" : " terms that are 0");
    }

    private static String withZeros(StringBuilder s, int zeros) {
        if (zeros > 0) {
            s.append(s.length() > 0 ? " + " : "").append(zeros(zeros));
        }
        return s.toString();
    }

    static String paren(double v) {
        return "(" + format(v) + ")";
    }
}
