package org.backproplab.ui;

/** Reads numbers people type in fields: blanks around them ignored, a decimal comma accepted. */
public final class TypedNumbers {
    private TypedNumbers() {
    }

    /** @return the whole number typed (underscores allowed as separators), or null if it is not one */
    public static Integer parseInt(String typed) {
        try {
            return Integer.parseInt(typed == null ? "" : typed.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return the finite decimal number typed (e.g. {@code 0.5}, {@code ,5}, {@code 1e-3}), or null */
    public static Double parseDouble(String typed) {
        String t = typed == null ? "" : typed.trim().replace(',', '.');
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }
}
