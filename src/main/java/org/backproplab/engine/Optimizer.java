package org.backproplab.engine;

import java.util.List;
import java.util.Locale;

/**
 * How an update turns the gradient into a step, per weight (and per bias, with its own state), where
 * {@code g = ∂L/∂w} (the penalty's gradient included) and {@code t} is the number of the update counting from 1:
 * <ul>
 *   <li>{@link Kind#SGD}: {@code w ← w − η g}</li>
 *   <li>{@link Kind#MOMENTUM}: {@code v ← μ v − η g}, {@code w ← w + v}</li>
 *   <li>{@link Kind#NESTEROV}: {@code v ← μ v − η g}, {@code w ← w + μ v − η g}</li>
 *   <li>{@link Kind#RMSPROP}: {@code s ← ρ s + (1 − ρ) g²}, {@code w ← w − η g / (√s + ε)}</li>
 *   <li>{@link Kind#ADAM}: {@code m ← β1 m + (1 − β1) g}, {@code v ← β2 v + (1 − β2) g²},
 *       {@code m̂ = m / (1 − β1^t)}, {@code v̂ = v / (1 − β2^t)}, {@code w ← w − η m̂ / (√v̂ + ε)}</li>
 * </ul>
 * The state ({@code v}, {@code s}, {@code m}, {@code v}, {@code t}) starts at 0 and lives in {@link OptimizerState}.
 * A parameter the kind does not use holds its default, so two optimisers of a kind are equal when they step alike.
 *
 * @param kind    which rule
 * @param mu      {@code μ} of momentum and Nesterov, in {@code [0, 1)}
 * @param rho     {@code ρ} of RMSProp, in {@code [0, 1)}
 * @param beta1   {@code β1} of Adam, in {@code [0, 1)}
 * @param beta2   {@code β2} of Adam, in {@code [0, 1)}
 * @param epsilon {@code ε} of RMSProp and Adam, in {@code (0, 1]}
 */
public record Optimizer(Kind kind, double mu, double rho, double beta1, double beta2, double epsilon) {
    public static final double DEFAULT_MU = 0.9;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    /** The update rules. */
    public enum Kind {
        SGD("sgd", "gradient descent", List.of()),
        MOMENTUM("momentum", "momentum", List.of(Parameter.MU)),
        NESTEROV("nesterov", "Nesterov momentum", List.of(Parameter.MU)),
        RMSPROP("rmsprop", "RMSProp", List.of(Parameter.RHO, Parameter.EPSILON)),
        ADAM("adam", "Adam", List.of(Parameter.BETA1, Parameter.BETA2, Parameter.EPSILON));

        private final String id;
        private final String title;
        private final List<Parameter> parameters;

        Kind(String id, String title, List<Parameter> parameters) {
            this.id = id;
            this.title = title;
            this.parameters = parameters;
        }

        /** @return the name in files and on the command line: sgd, momentum, nesterov, rmsprop, adam */
        public String id() {
            return id;
        }

        /** @return the name people read */
        public String title() {
            return title;
        }

        /** @return the parameters this rule uses besides {@code η}, in the order they are shown */
        public List<Parameter> parameters() {
            return parameters;
        }

        /** @throws IllegalArgumentException naming the id and those allowed if it is not one */
        public static Kind fromId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("optimizer \"" + id + "\" is not known: expected one of "
                    + "sgd, momentum, nesterov, rmsprop, adam");
        }
    }

    /** A parameter of an optimiser, with its symbol, its file name and what it may be. */
    public enum Parameter {
        MU("μ", "momentum", 0.0, 1.0, false),
        RHO("ρ", "rho", 0.0, 1.0, false),
        BETA1("β1", "beta1", 0.0, 1.0, false),
        BETA2("β2", "beta2", 0.0, 1.0, false),
        EPSILON("ε", "epsilon", 0.0, 1.0, true);

        private final String symbol;
        private final String id;
        private final double low;
        private final double high;
        /** True for {@code (low, high]}, false for {@code [low, high)}. */
        private final boolean openBelow;

        Parameter(String symbol, String id, double low, double high, boolean openBelow) {
            this.symbol = symbol;
            this.id = id;
            this.low = low;
            this.high = high;
            this.openBelow = openBelow;
        }

        public String symbol() {
            return symbol;
        }

        /** @return the field name in files: momentum, rho, beta1, beta2, epsilon */
        public String id() {
            return id;
        }

        /** @return whether {@code x} is allowed */
        public boolean allows(double x) {
            return openBelow ? x > low && x <= high : x >= low && x < high;
        }

        /** @return what is allowed, as in "0 ≤ μ < 1" */
        public String allowed() {
            return openBelow ? "0 < " + symbol + " ≤ 1" : "0 ≤ " + symbol + " < 1";
        }

        /** @return this parameter of {@code o} */
        public double of(Optimizer o) {
            return switch (this) {
                case MU -> o.mu;
                case RHO -> o.rho;
                case BETA1 -> o.beta1;
                case BETA2 -> o.beta2;
                case EPSILON -> o.epsilon;
            };
        }

        /**
         * @return {@code o} with this parameter set to {@code x}
         * @throws IllegalArgumentException naming the value if it is not allowed
         */
        public Optimizer in(Optimizer o, double x) {
            return switch (this) {
                case MU -> new Optimizer(o.kind, x, o.rho, o.beta1, o.beta2, o.epsilon);
                case RHO -> new Optimizer(o.kind, o.mu, x, o.beta1, o.beta2, o.epsilon);
                case BETA1 -> new Optimizer(o.kind, o.mu, o.rho, x, o.beta2, o.epsilon);
                case BETA2 -> new Optimizer(o.kind, o.mu, o.rho, o.beta1, x, o.epsilon);
                case EPSILON -> new Optimizer(o.kind, o.mu, o.rho, o.beta1, o.beta2, x);
            };
        }
    }

    /**
     * @throws IllegalArgumentException naming the value and what is allowed if a parameter the kind uses is out of
     *                                  range (the others are set to their defaults)
     */
    public Optimizer {
        if (kind == null) {
            throw new IllegalArgumentException("an optimizer needs a kind: sgd, momentum, nesterov, rmsprop or adam");
        }
        List<Parameter> used = kind.parameters();
        mu = used.contains(Parameter.MU) ? checked(Parameter.MU, mu, kind) : DEFAULT_MU;
        rho = used.contains(Parameter.RHO) ? checked(Parameter.RHO, rho, kind) : DEFAULT_RHO;
        beta1 = used.contains(Parameter.BETA1) ? checked(Parameter.BETA1, beta1, kind) : DEFAULT_BETA1;
        beta2 = used.contains(Parameter.BETA2) ? checked(Parameter.BETA2, beta2, kind) : DEFAULT_BETA2;
        epsilon = used.contains(Parameter.EPSILON) ? checked(Parameter.EPSILON, epsilon, kind) : DEFAULT_EPSILON;
    }

    private static double checked(Parameter p, double x, Kind kind) {
        if (!p.allows(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s of %s is not allowed: expected %s",
                    p.symbol(), x, kind.title(), p.allowed()));
        }
        return x;
    }

    /** @return plain gradient descent: {@code w ← w − η g} */
    public static Optimizer sgd() {
        return of(Kind.SGD);
    }

    /** @return momentum: {@code v ← μ v − η g}, {@code w ← w + v} */
    public static Optimizer momentum(double mu) {
        return new Optimizer(Kind.MOMENTUM, mu, DEFAULT_RHO, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** @return Nesterov momentum: {@code v ← μ v − η g}, {@code w ← w + μ v − η g} */
    public static Optimizer nesterov(double mu) {
        return new Optimizer(Kind.NESTEROV, mu, DEFAULT_RHO, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** @return RMSProp: {@code s ← ρ s + (1 − ρ) g²}, {@code w ← w − η g / (√s + ε)} */
    public static Optimizer rmsprop(double rho, double epsilon) {
        return new Optimizer(Kind.RMSPROP, DEFAULT_MU, rho, DEFAULT_BETA1, DEFAULT_BETA2, epsilon);
    }

    /** @return Adam (see the class comment) */
    public static Optimizer adam(double beta1, double beta2, double epsilon) {
        return new Optimizer(Kind.ADAM, DEFAULT_MU, DEFAULT_RHO, beta1, beta2, epsilon);
    }

    /** @return the optimiser of {@code kind} with the usual parameters (μ = ρ = β1 = 0.9, β2 = 0.999, ε = 1e-8) */
    public static Optimizer of(Kind kind) {
        return new Optimizer(kind, DEFAULT_MU, DEFAULT_RHO, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** @return an optimiser of {@code k} that keeps this one's parameters where {@code k} uses them */
    public Optimizer withKind(Kind k) {
        return new Optimizer(k, mu, rho, beta1, beta2, epsilon);
    }

    /** @return e.g. "Adam (β1 = 0.9, β2 = 0.999, ε = 1.0E-8)", the parameters as {@code fmt} writes them */
    public String describe(java.util.function.DoubleFunction<String> fmt) {
        StringBuilder s = new StringBuilder(kind.title());
        String sep = " (";
        for (Parameter p : kind.parameters()) {
            s.append(sep).append(p.symbol()).append(" = ").append(fmt.apply(p.of(this)));
            sep = ", ";
        }
        return kind.parameters().isEmpty() ? s.toString() : s.append(')').toString();
    }

    // ---- the step of one parameter, shared by the update and by the trace that shows it ----------------

    /** Nesterov's step with {@code v} already updated: {@code μ v − η g}. */
    static double nesterovStep(double v, double g, double eta, double mu) {
        return mu * v - eta * g;
    }

    /** RMSProp's step with {@code s} already updated: {@code −η g / (√s + ε)}. */
    static double rmspropStep(double s, double g, double eta, double epsilon) {
        return -(eta * g / (Math.sqrt(s) + epsilon));
    }

    /**
     * Adam's step with {@code m}, {@code v} already updated: {@code −η m̂ / (√v̂ + ε)}, {@code m̂ = m / c1},
     * {@code v̂ = v / c2}.
     *
     * @param c1 {@code 1 − β1^t}
     * @param c2 {@code 1 − β2^t}
     */
    static double adamStep(double m, double v, double eta, double epsilon, double c1, double c2) {
        return -(eta * (m / c1) / (Math.sqrt(v / c2) + epsilon));
    }

    /** @return {@code 1 − β^t}, the bias correction after {@code t} updates */
    public static double correction(double beta, long t) {
        return 1.0 - Math.pow(beta, t);
    }
}
