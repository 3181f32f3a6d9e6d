package org.backproplab.data;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Collectors;

/**
 * A derived input of a data set with two inputs {@code x1, x2}, as the web neural-network playground offers: the
 * network gets it as one more input column, computed from the sample's {@code x1} and {@code x2}. With
 * {@code x1², x2², x1·x2} a single layer can draw a circle or a hyperbola; with {@code sin x1, sin x2} a wave.
 * {@code sin} is {@link StrictMath#sin}, so a derived column has the same bits on every machine (a saved file
 * and a replay check them).
 */
public enum InputFeature {
    /** {@code x1²} */
    X1_SQUARED("x1sq", (x1, x2) -> x1 * x1, (n1, n2) -> n1 + "²"),
    /** {@code x2²} */
    X2_SQUARED("x2sq", (x1, x2) -> x2 * x2, (n1, n2) -> n2 + "²"),
    /** {@code x1·x2} */
    X1_TIMES_X2("x1x2", (x1, x2) -> x1 * x2, (n1, n2) -> n1 + "·" + n2),
    /** {@code sin x1} */
    SIN_X1("sin1", (x1, x2) -> StrictMath.sin(x1), (n1, n2) -> "sin " + n1),
    /** {@code sin x2} */
    SIN_X2("sin2", (x1, x2) -> StrictMath.sin(x2), (n1, n2) -> "sin " + n2);

    private final String id;
    private final DoubleBinaryOperator value;
    private final BinaryOperator<String> formula;

    InputFeature(String id, DoubleBinaryOperator value, BinaryOperator<String> formula) {
        this.id = id;
        this.value = value;
        this.formula = formula;
    }

    /** @return the name in files and on the command line, e.g. {@code x1sq} */
    public String id() {
        return id;
    }

    /** @return the feature's value for the inputs {@code (x1, x2)} */
    public double value(double x1, double x2) {
        return value.applyAsDouble(x1, x2);
    }

    /** @return the formula over the two inputs' names, e.g. {@code x1²} or {@code sin weight} */
    public String formula(String n1, String n2) {
        return formula.apply(n1, n2);
    }

    /** @return the formula over {@code x1, x2}, e.g. {@code x1·x2} */
    public String formula() {
        return formula("x1", "x2");
    }

    /** @return every id, e.g. {@code x1sq, x2sq, x1x2, sin1, sin2} */
    public static String ids() {
        return java.util.Arrays.stream(values()).map(InputFeature::id).collect(Collectors.joining(", "));
    }

    /**
     * @param id    a feature's id
     * @param place where it came from, e.g. {@code --features}
     * @throws IllegalArgumentException naming the value, the place and the ids allowed
     */
    public static InputFeature of(String id, String place) {
        for (InputFeature f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException(place + ": '" + id + "' is not an input feature: expected one of " + ids());
    }

    /**
     * @param text  comma-separated ids in any order, e.g. {@code x1sq,x2sq,x1x2}; {@code none} or empty for none
     * @param place where it came from, e.g. {@code --features}
     * @return the features in their canonical order (this enum's), each once
     * @throws IllegalArgumentException naming an unknown or repeated id, the place and what is allowed
     */
    public static List<InputFeature> parseList(String text, String place) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equals("none")) {
            return List.of();
        }
        Set<InputFeature> seen = EnumSet.noneOf(InputFeature.class);
        for (String part : t.split(",", -1)) {
            InputFeature f = of(part.trim(), place);
            if (!seen.add(f)) {
                throw new IllegalArgumentException(place + ": '" + f.id + "' is named twice: name each feature once");
            }
        }
        return canonical(seen);
    }

    /** @return {@code features} in this enum's order, each once */
    public static List<InputFeature> canonical(java.util.Collection<InputFeature> features) {
        return features.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(features));
    }

    /** @return the ids joined by commas, e.g. {@code x1sq,x1x2}, or {@code none} */
    public static String idList(List<InputFeature> features) {
        return features.isEmpty() ? "none" : features.stream().map(InputFeature::id).collect(Collectors.joining(","));
    }
}
