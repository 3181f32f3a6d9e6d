package org.backproplab.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.TrainingConfig;

/**
 * The built-in scenarios: the three tutorials ({@code xor}, {@code gender}, {@code relu-mlp}), three
 * small extras ({@code and}, {@code or}, {@code xor-bias}), three classes in the plane ({@code three-clusters}) and three real
 * data sets ({@code iris}, {@code digits},
 * {@code diabetes}: {@link RealPresets}). Every preset has a fixed default seed, so it
 * starts from the same weights every time; change it with {@link TrainingConfig#withSeed}.
 */
public final class Presets {
    /** The preset the window and the command line start with. */
    public static final String DEFAULT = "xor";
    /** The seed every preset starts from unless told otherwise. */
    public static final long DEFAULT_SEED = 1L;

    /** Default hidden layer sizes of {@code relu-mlp}. */
    public static final int[] RELU_HIDDEN = {16, 16};
    /** Default learning rate η of {@code relu-mlp}. */
    public static final double RELU_LEARNING_RATE = 0.1;
    /** Samples of the {@code relu-mlp} data set. */
    public static final int RELU_SAMPLES = 200;

    /**
     * A preset as a menu lists it: known without making it (a real data set is read only when it is chosen).
     *
     * @param name        the preset's name, e.g. {@code "xor"}
     * @param description the one line the menus show, the same as the scenario's
     */
    public record Entry(String name, String description) {
    }

    /** A preset as registered: its menu line, known without making it, and how to make it. */
    private record Preset(String description, Supplier<Scenario> make) {
    }

    private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();
    /** {@link #entries()}, made once (immutable). */
    private static final List<Entry> ENTRIES;

    private static final String XOR = "XOR tutorial: 3-4-1 sigmoid, constant input x3 = 1 as bias, sse, full batch, η = 1";
    private static final String GENDER = "2-2-1 tutorial: gender from weight and height, sigmoid with biases, mse, per sample";
    private static final String AND = "AND gate: 2-1 sigmoid with bias, sse, full batch";
    private static final String OR = "OR gate: 2-1 sigmoid with bias, sse, full batch";
    private static final String XOR_BIAS = "XOR with real biases: 2-4-1, tanh hidden, sigmoid output, sse, full batch";
    private static final String THREE_CLUSTERS = "Three Gaussian clusters: 2-6-3, tanh, softmax output, cross-entropy, full batch";
    private static final String SPIRAL_FEATURES = "Two spirals with derived inputs x1², x2², x1·x2, sin x1, sin x2: 7-4-1, "
            + "tanh, sigmoid output, bce, full batch";
    private static final String RACE = "Optimiser race on the spiral of spiral-features: gradient descent, momentum and "
            + "Adam from one initialisation, side by side";

    static {
        add("xor", XOR, Presets::xor);
        add("gender", GENDER, Presets::gender);
        add("relu-mlp", reluDescription(RELU_HIDDEN), () -> reluMlp(RELU_HIDDEN, RELU_LEARNING_RATE));
        add("and", AND, () -> gate("and", AND, 0, 0, 0, 1));
        add("or", OR, () -> gate("or", OR, 0, 1, 1, 1));
        add("xor-bias", XOR_BIAS, Presets::xorBias);
        add("three-clusters", THREE_CLUSTERS, Presets::threeClusters);
        add("spiral-features", SPIRAL_FEATURES, Presets::spiralFeatures);
        add("race", RACE, Presets::race);
        add("iris", RealPresets.IRIS_DESCRIPTION, once(() -> RealPresets.iris(DEFAULT_SEED)));
        add("digits", RealPresets.DIGITS_DESCRIPTION, once(() -> RealPresets.digits(DEFAULT_SEED)));
        add("diabetes", RealPresets.DIABETES_DESCRIPTION, once(() -> RealPresets.diabetes(DEFAULT_SEED)));
        List<Entry> entries = new ArrayList<>();
        PRESETS.forEach((name, p) -> entries.add(new Entry(name, p.description())));
        ENTRIES = List.copyOf(entries);
    }

    private static void add(String name, String description, Supplier<Scenario> make) {
        PRESETS.put(name, new Preset(description, make));
    }

    private Presets() {
    }

    /**
     * @return {@code make}'s scenario, made on first use and shared after: a real data set is read and standardised
     *         once, and every window's preset list holds the same immutable copy (the digits are a megabyte)
     */
    private static Supplier<Scenario> once(Supplier<Scenario> make) {
        return new Supplier<>() {
            private Scenario made;

            @Override
            public synchronized Scenario get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    /**
     * @param name a preset name, e.g. {@code "xor"}
     * @return the scenario (immutable: fresh for the generated ones, shared for the real data sets)
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public static Scenario get(String name) {
        Preset p = name == null ? null : PRESETS.get(name.trim());
        if (p == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "': expected one of " + names());
        }
        return p.make().get();
    }

    /**
     * @return preset {@code name} with {@code seed}: for the real data sets ({@link RealPresets}) the seed also
     *         chooses the test split; for the others it chooses the first weights and the shuffling
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public static Scenario get(String name, long seed) {
        Scenario s = get(name);
        return switch (s.name()) {
            case "iris" -> RealPresets.iris(seed);
            case "digits" -> RealPresets.digits(seed);
            case "diabetes" -> RealPresets.diabetes(seed);
            default -> s.withConfig(s.config().withSeed(seed));
        };
    }

    /** @return the names in menu order */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /**
     * @return every preset's name and description, in menu order, without making any (the descriptions are
     *         registered with the presets: a menu lists them without generating a data set or reading a file)
     */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** @return every preset, in menu order (reads the real data sets the first time) */
    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        for (Preset p : PRESETS.values()) {
            all.add(p.make().get());
        }
        return all;
    }

    /**
     * The XOR tutorial (000): inputs {@code (x1, x2, 1)} whose constant third column plays the bias,
     * 3-4-1 sigmoid without biases, sse, full batch, η = 1, {@code uniform01}, 1500 iterations.
     */
    public static Scenario xor() {
        double[][] x = {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}};
        double[][] y = {{0}, {1}, {1}, {0}};
        Dataset d = new Dataset(List.of("x1", "x2", "x3"), List.of("y"), x, y,
                List.of("0 xor 0", "0 xor 1", "1 xor 0", "1 xor 1"), null, List.of(), 2);
        return new Scenario("xor", XOR, d, List.of(sigmoid(4, false), sigmoid(1, false)),
                new TrainingConfig(Loss.SSE, 1.0, BatchMode.FULL, 0.0, false, Initializer.UNIFORM01, DEFAULT_SEED),
                1500);
    }

    /**
     * The 2-2-1 tutorial (002): weight (lb − 135) and height (in − 66) to gender (1 = female) for Alice, Bob,
     * Charlie and Diana; probes Emily and Frank. Sigmoid with biases, mse, one update per sample in order,
     * η = 0.1, {@code normal}, 1000 epochs = 4000 iterations.
     */
    public static Scenario gender() {
        double[][] x = {{-2, -1}, {25, 6}, {17, 4}, {-15, -6}};
        double[][] y = {{1}, {0}, {0}, {1}};
        Dataset d = new Dataset(List.of("weight", "height"), List.of("female"), x, y,
                List.of("Alice", "Bob", "Charlie", "Diana"), new double[][] {{-7, -3}, {20, 2}},
                List.of("Emily", "Frank"), -1);
        return new Scenario("gender", GENDER, d, List.of(sigmoid(2, true), sigmoid(1, true)),
                new TrainingConfig(Loss.MSE, 0.1, BatchMode.SAMPLE, 0.0, false, Initializer.NORMAL, DEFAULT_SEED),
                4000);
    }

    /**
     * The ReLU tutorial (001): ReLU in every layer including the output, mse, mini-batches of 32,
     * {@code normal-0.01}. Its data set is {@link Generators#bowl} without noise ({@value #RELU_SAMPLES}
     * points of {@code y = (x1² + x2²)/2} in {@code [−1, 1]²}; targets ≥ 0 so a ReLU output can reach them,
     * inputs in every direction so that the output neuron rarely starts dead), shuffled every epoch.
     *
     * @param hidden       the hidden layer sizes, e.g. {@code {16, 16}}
     * @param learningRate η
     * @throws IllegalArgumentException if a size is below 1 or η is not a finite number ≥ 0
     */
    public static Scenario reluMlp(int[] hidden, double learningRate) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int h : hidden) {
            layers.add(new LayerSpec(h, Activation.RELU, true));
        }
        layers.add(new LayerSpec(1, Activation.RELU, true));
        Dataset d = Generators.bowl(RELU_SAMPLES, 0.0, DEFAULT_SEED);
        TrainingConfig c = new TrainingConfig(Loss.MSE, learningRate, BatchMode.miniBatch(32), 0.0, true,
                Initializer.NORMAL_001, DEFAULT_SEED);
        return new Scenario("relu-mlp", reluDescription(hidden), d, layers, c, 14_000);
    }

    /** @return the ReLU tutorial's description for {@code hidden}, e.g. "ReLU tutorial: 2-16-16-1 ReLU everywhere, …" */
    private static String reluDescription(int[] hidden) {
        StringBuilder shape = new StringBuilder("2");
        for (int h : hidden) {
            shape.append('-').append(h);
        }
        return "ReLU tutorial: " + shape + "-1 ReLU everywhere, mse, mini-batch 32, fits the bowl (x1² + x2²)/2";
    }

    /** A 2-4-1 net with biases, tanh hidden and sigmoid output, learning XOR on inputs {@code x1, x2} only. */
    public static Scenario xorBias() {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = {{0}, {1}, {1}, {0}};
        Dataset d = new Dataset(List.of("x1", "x2"), List.of("y"), x, y,
                List.of("0 xor 0", "0 xor 1", "1 xor 0", "1 xor 1"), null, List.of(), -1);
        return new Scenario("xor-bias", XOR_BIAS, d, List.of(new LayerSpec(4, Activation.TANH, true), sigmoid(1, true)),
                new TrainingConfig(Loss.SSE, 0.5, BatchMode.FULL, 0.0, false, Initializer.XAVIER, DEFAULT_SEED),
                2000);
    }

    /**
     * Three classes in the plane: {@link Generators#threeClusters} (300 points, noise 0.1), 2-6-3, tanh hidden
     * layer, softmax output, cross-entropy, full batch, η = 0.5, Xavier, 300 iterations.
     */
    public static Scenario threeClusters() {
        Dataset d = Generators.threeClusters(300, 0.1, DEFAULT_SEED);
        return new Scenario("three-clusters", THREE_CLUSTERS, d, List.of(new LayerSpec(6, Activation.TANH, true), new LayerSpec(3, Activation.SOFTMAX, true)),
                new TrainingConfig(Loss.CROSS_ENTROPY, 0.5, BatchMode.FULL, 0.0, false, Initializer.XAVIER, DEFAULT_SEED),
                300);
    }

    /**
     * Two spirals ({@link Generators#twoSpirals}, 200 points, no noise) that a 2-4-1 net cannot separate from
     * {@code x1, x2} alone, with every derived input ({@link InputFeature}: {@code x1², x2², x1·x2, sin x1, sin x2})
     * on, so 7-4-1: tanh hidden, sigmoid output, bce, full batch, η = 0.3, μ = 0.9, Xavier, 3000 iterations. Turn
     * the features off (Data → Input features) to see the same net fail.
     */
    public static Scenario spiralFeatures() {
        Dataset d = Generators.twoSpirals(200, 0.0, DEFAULT_SEED).withFeatures(List.of(InputFeature.values()));
        return new Scenario("spiral-features", SPIRAL_FEATURES, d, List.of(new LayerSpec(4, Activation.TANH, true), sigmoid(1, true)),
                new TrainingConfig(Loss.BCE, 0.3, BatchMode.FULL, 0.9, false, Initializer.XAVIER, DEFAULT_SEED),
                3000);
    }

    /** {@code η} of the race's gradient descent and momentum runs (that of {@code spiral-features}). */
    public static final double RACE_LEARNING_RATE = 0.3;
    /** {@code η} of the race's Adam run. */
    public static final double RACE_ADAM_LEARNING_RATE = 0.03;

    /**
     * An optimiser race: the spiral of {@link #spiralFeatures()} (same data, same 7-4-1 net, same initial weights,
     * full batch) trained three times side by side: run 1 by plain gradient descent (η = 0.3), run 2 by momentum
     * (μ = 0.9, η = 0.3), run 3 by Adam (η = 0.03, β1 = 0.9, β2 = 0.999, ε = 1e-8), 1000 iterations each. By
     * iteration 300 Adam's loss is below 0.2 and momentum's below 0.5 while gradient descent's has barely moved from
     * 0.69; at 1000 Adam is at 0.03, momentum at 0.06 and gradient descent still at 0.64.
     */
    public static Scenario race() {
        Scenario f = spiralFeatures();
        TrainingConfig momentum = f.config().withLearningRate(RACE_LEARNING_RATE).withOptimizer(Optimizer.momentum(0.9));
        return new Scenario("race", RACE, f.dataset(), f.layers(),
                momentum.withOptimizer(Optimizer.sgd()), 1000, new int[0],
                List.of(momentum, momentum.withLearningRate(RACE_ADAM_LEARNING_RATE).withOptimizer(Optimizer.of(Optimizer.Kind.ADAM))));
    }

    private static Scenario gate(String name, String description, double y00, double y01, double y10, double y11) {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = {{y00}, {y01}, {y10}, {y11}};
        Dataset d = new Dataset(List.of("x1", "x2"), List.of("y"), x, y,
                List.of("0 " + name + " 0", "0 " + name + " 1", "1 " + name + " 0", "1 " + name + " 1"),
                null, List.of(), -1);
        return new Scenario(name, description, d, List.of(sigmoid(1, true)),
                new TrainingConfig(Loss.SSE, 1.0, BatchMode.FULL, 0.0, false, Initializer.NORMAL, DEFAULT_SEED),
                1000);
    }

    private static LayerSpec sigmoid(int size, boolean bias) {
        return new LayerSpec(size, Activation.SIGMOID, bias);
    }
}
