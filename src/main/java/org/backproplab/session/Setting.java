package org.backproplab.session;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.text.Allowed;
import org.backproplab.text.NumberText;

/**
 * The training settings a variant run may change, in the order the Compare dialog lists them: this is the one
 * list. Each reads its value from a {@link TrainingConfig}, reads what a person typed (refusing it with a message
 * that names the value, the place and what is allowed) and changes a configuration by its {@code with…} method, so
 * a setting the configuration gains (an optimiser, a regulariser) is one more constant here and nothing else.
 * Activation is not here: it belongs to the layers, which every run of a session shares.
 */
public enum Setting {
    /** {@code η}, a finite number ≥ 0. */
    LEARNING_RATE("η", "learning rate η", TrainingConfig::learningRate, Allowed.atLeast(0, 0.5),
            TrainingConfig::withLearningRate),
    /** Momentum {@code μ} in {@code [0, 1)}; 0 is plain gradient descent. */
    MOMENTUM("μ", "momentum μ", TrainingConfig::momentum, Allowed.fromUpTo(0, 1, 0.9), TrainingConfig::withMomentum),
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
    });
    // Optimiser and regularisation go here, each reading and writing its TrainingConfig component by
    // withOptimizer / withRegularization.

    private final String symbol;
    private final String place;
    private final String allowed;
    private final Function<TrainingConfig, String> shown;
    private final Function<TrainingConfig, String> initial;
    private final Function<String, UnaryOperator<TrainingConfig>> reader;

    Setting(String symbol, String place, String allowed, Function<TrainingConfig, String> shown,
            Function<TrainingConfig, String> initial, Function<String, UnaryOperator<TrainingConfig>> reader) {
        this.symbol = symbol;
        this.place = place;
        this.allowed = allowed;
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

    /** @return e.g. {@code η 0.5}: the setting and its value in {@code c} */
    public String describe(TrainingConfig c) {
        return symbol + " " + valueOf(c);
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
