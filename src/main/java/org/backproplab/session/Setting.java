package org.backproplab.session;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.List;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.text.Allowed;
import org.backproplab.text.NumberText;

/**
 * The training settings a variant run may change, in the order the Compare dialog lists them: this is the one
 * list. Each reads its value from a {@link TrainingConfig}, reads what a person typed (refusing it with a message
 * that names the value, the place and what is allowed) and changes a configuration by its {@code with…} method, so
 * a setting the configuration gains (an optimiser, a regulariser) is one more constant here and nothing else.
 * The activation of the hidden layers is not here: it belongs to the network, not to the configuration, and a variant
 * changes it beside these ({@link HiddenActivation}). Settings are applied in this
 * order, so a choice (the optimiser, the penalty) comes before the number that belongs to it ({@code μ}, {@code λ}).
 */
public enum Setting {
    /** {@code η}, a finite number ≥ 0. */
    LEARNING_RATE("η", "learning rate η", TrainingConfig::learningRate, Allowed.atLeast(0, 0.5),
            TrainingConfig::withLearningRate),
    /**
     * The optimiser, chosen by its id (sgd, momentum, nesterov, rmsprop, adam): another kind starts with its usual
     * parameters, the same kind keeps them. A legend names it by its title, e.g. {@code Adam}.
     */
    OPTIMIZER("optimiser", "optimiser", ids(Optimizer.Kind.values(), Optimizer.Kind::id), c -> c.optimizer().kind().title(),
            c -> c.optimizer().kind().id(), typed -> {
        Optimizer.Kind k = choice(typed, "optimiser", Optimizer.Kind.values(), Optimizer.Kind::id);
        return c -> c.optimizer().kind() == k ? c : c.withOptimizer(Optimizer.of(k));
    }) {
        @Override
        public String describe(TrainingConfig c) {
            return valueOf(c);
        }
    },
    /**
     * Momentum {@code μ} in {@code [0, 1)} of momentum and Nesterov momentum; on gradient descent {@code μ > 0} turns
     * it into momentum (and {@code μ = 0} turns momentum into gradient descent). RMSProp and Adam have no {@code μ}:
     * only 0 is accepted there, and changes nothing.
     */
    MOMENTUM("μ", "momentum μ", TrainingConfig::momentum, Allowed.fromUpTo(0, 1, 0.9), Setting::withMu) {
        @Override
        public boolean appliesTo(TrainingConfig c) {
            return usesMu(c.optimizer().kind());
        }
    },
    /** Full batch, per sample, or a mini-batch of n samples. */
    BATCH("batch", "batch mode", "full, sample or a batch size of 1 or more", c -> c.batch().id(), c -> c.batch().id(), typed -> {
        BatchMode b = batch(typed);
        return c -> c.withBatch(b);
    }),
    /**
     * The seed of the order samples are visited in (per sample or mini-batch with shuffling). A variant starts from
     * weights already made, so the seed changes the data order only.
     */
    SEED("seed", "shuffle seed", "a whole number: it orders shuffled samples", c -> Long.toString(c.seed()),
            c -> Long.toString(c.seed()), typed -> {
        long s = NumberText.parseWhole(typed, "shuffle seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return c -> c.withSeed(s);
    }),
    /**
     * The penalty on the weights, chosen by its id (none, l1, l2): L1 or L2 keeps {@code λ}, or starts at
     * {@value #SUGGESTED_LAMBDA} where it was 0. A legend names it {@code L1}, {@code L2} or {@code no penalty}.
     */
    REGULARIZATION("penalty", "regularisation", ids(Regularization.Kind.values(), Regularization.Kind::id), Setting::penaltyName,
            c -> c.regularization().kind().id(), typed -> {
        Regularization.Kind k = choice(typed, "regularisation", Regularization.Kind.values(), Regularization.Kind::id);
        return c -> {
            double lambda = c.regularization().lambda();
            return c.regularization().kind() == k ? c
                    : c.withRegularization(new Regularization(k, lambda == 0 ? Setting.SUGGESTED_LAMBDA : lambda));
        };
    }) {
        @Override
        public String describe(TrainingConfig c) {
            return valueOf(c);
        }
    },
    /** The strength {@code λ ≥ 0} of an L1 or L2 penalty; without a penalty only 0 is accepted. */
    LAMBDA("λ", "regularisation strength λ", c -> c.regularization().lambda(), Allowed.atLeast(0, Setting.SUGGESTED_LAMBDA),
            Setting::withLambda) {
        @Override
        public boolean appliesTo(TrainingConfig c) {
            return c.regularization().kind() != Regularization.Kind.NONE;
        }
    };

    /** The {@code λ} a penalty starts with when it is chosen where {@code λ} was 0. */
    public static final double SUGGESTED_LAMBDA = 0.001;

    private final String symbol;
    private final String place;
    private final String allowed;
    private final Function<TrainingConfig, String> shown;
    private final Function<TrainingConfig, String> initial;
    private final Function<String, UnaryOperator<TrainingConfig>> reader;

    private final List<String> choices;

    Setting(String symbol, String place, String allowed, Function<TrainingConfig, String> shown,
            Function<TrainingConfig, String> initial, Function<String, UnaryOperator<TrainingConfig>> reader) {
        this(symbol, place, allowed, List.of(), shown, initial, reader);
    }

    /** A choice among {@code choices} (ids), typed or chosen as one of them. */
    Setting(String symbol, String place, List<String> choices, Function<TrainingConfig, String> shown,
            Function<TrainingConfig, String> initial, Function<String, UnaryOperator<TrainingConfig>> reader) {
        this(symbol, place, "one of " + String.join(", ", choices), choices, shown, initial, reader);
    }

    private Setting(String symbol, String place, String allowed, List<String> choices,
                    Function<TrainingConfig, String> shown, Function<TrainingConfig, String> initial,
                    Function<String, UnaryOperator<TrainingConfig>> reader) {
        this.symbol = symbol;
        this.place = place;
        this.allowed = allowed;
        this.choices = choices;
        this.shown = shown;
        this.initial = initial;
        this.reader = reader;
    }

    /** A number setting: read by {@link NumberText} within {@code allowed}, written back by {@code with}. */
    Setting(String symbol, String place, ToDoubleFunction<TrainingConfig> get, Allowed allowed,
            BiFunction<TrainingConfig, Double, TrainingConfig> with) {
        this(symbol, place, allowed.describe(), c -> NumberText.format(get.applyAsDouble(c)), c -> NumberText.editable(get.applyAsDouble(c)),
                typed -> {
                    double v = NumberText.parse(typed, place, allowed);
                    return c -> with.apply(c, v);
                });
    }

    private static boolean usesMu(Optimizer.Kind k) {
        return k.parameters().contains(Optimizer.Parameter.MU);
    }

    /** {@code μ} set on an optimiser that has it; gradient descent becomes momentum; refused where it has none. */
    private static TrainingConfig withMu(TrainingConfig c, double mu) {
        Optimizer.Kind k = c.optimizer().kind();
        if (usesMu(k) || k == Optimizer.Kind.SGD) {
            return c.withMomentum(mu);
        }
        if (mu != 0) {
            throw new IllegalArgumentException("'" + NumberText.format(mu) + "' in momentum μ: " + k.title()
                    + " has no μ; expected 0, or the optimiser momentum or nesterov");
        }
        return c;
    }

    /** {@code λ} set on the penalty there is; refused without one unless it is 0. */
    private static TrainingConfig withLambda(TrainingConfig c, double lambda) {
        Regularization.Kind k = c.regularization().kind();
        if (k == Regularization.Kind.NONE && lambda != 0) {
            throw new IllegalArgumentException("'" + NumberText.format(lambda) + "' in regularisation strength λ: "
                    + "there is no penalty; expected 0, or the regularisation l1 or l2");
        }
        return c.withRegularization(new Regularization(k, lambda));
    }

    private static String penaltyName(TrainingConfig c) {
        Regularization.Kind k = c.regularization().kind();
        return k == Regularization.Kind.NONE ? "no penalty" : k.name();
    }

    private static <K> List<String> ids(K[] kinds, Function<K, String> id) {
        return java.util.Arrays.stream(kinds).map(id).toList();
    }

    /** @return the kind whose id was typed (any case) */
    private static <K> K choice(String typed, String place, K[] kinds, Function<K, String> id) {
        String t = typed == null ? "" : typed.strip();
        List<String> ids = ids(kinds, id);
        int i = ids.indexOf(t.toLowerCase(java.util.Locale.ROOT));
        if (i < 0) {
            throw new IllegalArgumentException((t.isEmpty() ? "nothing typed" : "'" + t + "'") + " in " + place
                    + ": expected one of " + String.join(", ", ids));
        }
        return kinds[i];
    }

    private static BatchMode batch(String typed) {
        try {
            return BatchMode.fromId(typed);
        } catch (IllegalArgumentException e) {
            String t = typed == null ? "" : typed.strip();
            throw new IllegalArgumentException((t.isEmpty() ? "nothing typed" : "'" + t + "'") + " in batch mode: "
                    + "expected full, sample or a batch size of 1 or more", e);
        }
    }

    /** @return the short name a legend uses, e.g. {@code η} */
    public String symbol() {
        return symbol;
    }

    /** @return where the value is typed, for messages and labels, e.g. {@code learning rate η} */
    public String place() {
        return place;
    }

    /** @return what the setting allows, e.g. {@code a number ≥ 0, such as 0.5} */
    public String allowed() {
        return allowed;
    }

    /** @return the value in {@code c} as people read it, e.g. {@code 0.5}, {@code sample} */
    public String valueOf(TrainingConfig c) {
        return shown.apply(c);
    }

    /** @return e.g. {@code η 0.5}: the setting and its value in {@code c} ({@code Adam} for a choice) */
    public String describe(TrainingConfig c) {
        return symbol + " " + valueOf(c);
    }

    /**
     * @return whether the setting means something in {@code c}: {@code μ} for momentum and Nesterov only,
     *         {@code λ} with a penalty only (a legend leaves it out elsewhere, a dialog greys it out)
     */
    public boolean appliesTo(TrainingConfig c) {
        return true;
    }

    /** @return the ids a person chooses among, e.g. sgd … adam; empty for a setting typed as text */
    public List<String> choices() {
        return choices;
    }

    /**
     * @param typed what was typed for this setting
     * @return the change it asks for, applied to a configuration by {@link Change#apply}
     * @throws IllegalArgumentException naming the text, the place and what is allowed, if it is refused
     */
    public Change parse(String typed) {
        return new Change(this, reader.apply(typed));
    }

    /** @return the text an edit field for this setting starts with: the value in {@code c}, every digit needed */
    public String initialText(TrainingConfig c) {
        return initial.apply(c);
    }

    /** One setting set to a value that was read and accepted. */
    public static final class Change {
        private final Setting setting;
        private final UnaryOperator<TrainingConfig> change;

        private Change(Setting setting, UnaryOperator<TrainingConfig> change) {
            this.setting = setting;
            this.change = change;
        }

        public Setting setting() {
            return setting;
        }

        /** @return {@code c} with this setting changed */
        public TrainingConfig apply(TrainingConfig c) {
            return change.apply(c);
        }
    }
}
