package org.backproplab.engine;

import java.util.Locale;

/**
 * A penalty on the weights (never the biases) added to the data loss: {@code L = L_data + Ω(W)}, with
 * <ul>
 *   <li>{@link Kind#NONE}: {@code Ω = 0}</li>
 *   <li>{@link Kind#L2} (weight decay): {@code Ω = (λ/2) Σ W²}, {@code ∂Ω/∂W = λ W}</li>
 *   <li>{@link Kind#L1}: {@code Ω = λ Σ |W|}, {@code ∂Ω/∂W = λ sign(W)} (with {@code sign(0) = 0})</li>
 * </ul>
 * summed over every weight of every layer.
 *
 * @param kind   which penalty
 * @param lambda its strength {@code λ}, finite and not negative (0 for {@link Kind#NONE})
 */
public record Regularization(Kind kind, double lambda) {
    /** No penalty. */
    public static final Regularization NONE = new Regularization(Kind.NONE, 0.0);

    /** The penalties. */
    public enum Kind {
        NONE("none", "none"),
        L1("l1", "L1"),
        L2("l2", "L2 (weight decay)");

        private final String id;
        private final String title;

        Kind(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** @return the name in files: none, l1, l2 */
        public String id() {
            return id;
        }

        public String title() {
            return title;
        }

        /** @throws IllegalArgumentException naming the id and those allowed if it is not one */
        public static Kind fromId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("regularization \"" + id + "\" is not known: expected none, l1 or l2");
        }
    }

    /** @throws IllegalArgumentException naming the value if {@code λ} is not finite or negative */
    public Regularization {
        if (kind == null) {
            throw new IllegalArgumentException("a regularization needs a kind: none, l1 or l2");
        }
        if (!Double.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "λ %s is not allowed: expected a finite number ≥ 0", lambda));
        }
        if (kind == Kind.NONE) {
            lambda = 0.0;
        }
    }

    public static Regularization l1(double lambda) {
        return new Regularization(Kind.L1, lambda);
    }

    public static Regularization l2(double lambda) {
        return new Regularization(Kind.L2, lambda);
    }

    /** @return true if the penalty is always 0 (no penalty, or {@code λ = 0}) */
    public boolean isOff() {
        return kind == Kind.NONE || lambda == 0.0;
    }

    /** @return {@code Ω(W)} over every weight of {@code net} (0 when {@link #isOff()}) */
    public double penalty(Network net) {
        if (isOff()) {
            return 0.0;
        }
        double sum = 0.0;
        for (int l = 1; l <= net.depth(); l++) {
            for (double[] row : net.layer(l).weightData()) {
                for (double w : row) {
                    sum += kind == Kind.L2 ? w * w : Math.abs(w);
                }
            }
        }
        return kind == Kind.L2 ? lambda / 2 * sum : lambda * sum;
    }

    /** @return {@code ∂Ω/∂w} of one weight: {@code λ w} (L2), {@code λ sign(w)} (L1), 0 (none) */
    public double gradient(double w) {
        return switch (kind) {
            case NONE -> 0.0;
            case L2 -> lambda * w;
            case L1 -> lambda * Math.signum(w);
        };
    }

    /** {@code ∂L/∂W += ∂Ω/∂W} element-wise (nothing when {@link #isOff()}). */
    void addGradient(double[][] w, double[][] gradW) {
        if (isOff()) {
            return;
        }
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                gradW[i][j] += gradient(w[i][j]);
            }
        }
    }

    // written out: a record's own equals and hashCode are linked at their first call, a few ms of the start (the
    // first snapshot compares settings); the same comparison as the record's (doubles by Double.compare)
    @Override
    public boolean equals(Object o) {
        return o instanceof Regularization r && r.kind == kind && Double.compare(r.lambda, lambda) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(lambda);
    }
}
