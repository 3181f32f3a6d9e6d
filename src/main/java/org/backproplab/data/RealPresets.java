package org.backproplab.data;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.TrainingConfig;

/**
 * The presets on real data ({@link RealData}). Each holds out a stated test split, stratified by class and seeded
 * ({@link StratifiedSplit}), and standardises the inputs with the statistics of its training rows only
 * ({@link Standardise}); the seed chooses the split, the first weights and the shuffling.
 */
public final class RealPresets {
    /** The share of each class {@code iris} holds out: 15 flowers of each species. */
    public static final double IRIS_TEST_SHARE = 0.3;
    /** The share of each digit {@code digits} holds out (451 of the 1,797 images: each class's share rounded). */
    public static final double DIGITS_TEST_SHARE = 0.25;
    /** The share of patients {@code diabetes} holds out (a seeded choice). */
    public static final double DIABETES_TEST_SHARE = 0.2;
    /** The diabetes target is shown and learnt in hundreds: {@code y = progression / 100}. */
    public static final double DIABETES_SCALE = 100.0;

    public static final double IRIS_LEARNING_RATE = 0.1;
    public static final int IRIS_EPOCHS = 60;
    public static final int IRIS_BATCH = 8;
    public static final double DIGITS_LEARNING_RATE = 0.1;
    public static final int DIGITS_EPOCHS = 60;
    public static final int DIGITS_BATCH = 32;

    /** {@code iris}'s one line for the menus. */
    public static final String IRIS_DESCRIPTION = "Iris (Fisher 1936): 4-8-3, tanh, softmax, cross-entropy, mini-batch "
            + IRIS_BATCH + "; test: 30 % of each species (45 flowers), inputs standardised";
    /** {@code digits}' one line for the menus. */
    public static final String DIGITS_DESCRIPTION = "Handwritten digits 8×8 (UCI): 64-32-10, tanh, softmax, "
            + "cross-entropy, mini-batch " + DIGITS_BATCH + "; test: 25 % of each digit, pixels standardised";
    /** {@code diabetes}' one line for the menus. */
    public static final String DIABETES_DESCRIPTION = "Diabetes progression (Efron et al. 2004): 10-8-1, tanh, linear "
            + "output, mse, mini-batch 16; target progression/100; test: 20 % of the patients, inputs standardised";

    private RealPresets() {
    }

    /**
     * Fisher's Iris: 4-8-3, tanh hidden layer, softmax output, cross-entropy, mini-batches of
     * {@value #IRIS_BATCH} shuffled, η = {@value #IRIS_LEARNING_RATE}, Xavier; {@value #IRIS_EPOCHS} epochs; 30 % of
     * each species held out.
     */
    public static Scenario iris(long seed) {
        RealData.Labelled data = RealData.iris();
        return classes("iris", IRIS_DESCRIPTION, data, IRIS_TEST_SHARE, seed, 8, IRIS_LEARNING_RATE, IRIS_BATCH, IRIS_EPOCHS);
    }

    /**
     * The UCI handwritten digits 8×8: 64-32-10, tanh hidden layer, softmax output, cross-entropy, mini-batches of
     * {@value #DIGITS_BATCH} shuffled, η = {@value #DIGITS_LEARNING_RATE}, Xavier; {@value #DIGITS_EPOCHS} epochs;
     * 25 % of each digit held out.
     */
    public static Scenario digits(long seed) {
        RealData.Labelled data = RealData.digits();
        return classes("digits", DIGITS_DESCRIPTION, data, DIGITS_TEST_SHARE, seed, 32, DIGITS_LEARNING_RATE, DIGITS_BATCH,
                DIGITS_EPOCHS);
    }

    /**
     * The diabetes regression set (Efron et al. 2004): 10-8-1, tanh hidden layer, linear output, mse, mini-batches of
     * 16 shuffled, η = 0.05, Xavier, 100 epochs; target progression / 100; 20 % of the patients held out.
     */
    public static Scenario diabetes(long seed) {
        RealData.Numeric data = RealData.diabetes();
        int n = data.x().length;
        int[] test = StratifiedSplit.testRows(new int[n], DIABETES_TEST_SHARE, seed);
        double[][] x = Standardise.byTrainingRows(data.x(), StratifiedSplit.trainRows(n, test));
        double[][] y = new double[n][1];
        for (int r = 0; r < n; r++) {
            y[r][0] = data.y()[r] / DIABETES_SCALE;
        }
        Dataset d = new Dataset(data.inputNames(), List.of("progression/100"), x, y, List.of(), null, List.of(), -1);
        List<LayerSpec> layers = List.of(new LayerSpec(8, Activation.TANH, true), new LayerSpec(1, Activation.LINEAR, true));
        TrainingConfig c = new TrainingConfig(Loss.MSE, 0.05, BatchMode.miniBatch(16), 0.0, true, Initializer.XAVIER, seed);
        long iterations = 100L * BatchMode.miniBatch(16).batchesPerEpoch(n - test.length);
        return new Scenario("diabetes", DIABETES_DESCRIPTION, d, layers, c, iterations, test);
    }

    private static Scenario classes(String name, String text, RealData.Labelled data, double share, long seed,
                                     int hidden, double eta, int batch, int epochs) {
        int n = data.x().length;
        int[] test = StratifiedSplit.testRows(data.classes(), share, seed);
        double[][] x = Standardise.byTrainingRows(data.x(), StratifiedSplit.trainRows(n, test));
        List<String> labels = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            labels.add(data.classNames().get(data.classes()[r]) + " #" + (r + 1));
        }
        Dataset d = new Dataset(data.inputNames(), data.classNames(), x, data.oneHot(), labels, null, List.of(), -1);
        List<LayerSpec> layers = List.of(new LayerSpec(hidden, Activation.TANH, true),
                new LayerSpec(data.classNames().size(), Activation.SOFTMAX, true));
        TrainingConfig c = new TrainingConfig(Loss.CROSS_ENTROPY, eta, BatchMode.miniBatch(batch), 0.0, true,
                Initializer.XAVIER, seed);
        long iterations = (long) epochs * BatchMode.miniBatch(batch).batchesPerEpoch(n - test.length);
        return new Scenario(name, text, d, layers, c, iterations, test);
    }
}
