package org.backproplab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.TrainingConfig;

/**
 * Builds scenarios for the classroom: a new architecture on the current data set, or a new data set under
 * the current hidden layers. The rules are plain so a teacher can predict them:
 * <ul>
 *   <li>the input width and the output width follow the data set;</li>
 *   <li>one-hot targets (two or more columns, each row a single 1) get a softmax output and the cross-entropy
 *       loss; other classification targets (every target 0 or 1) a sigmoid output (and bce instead of
 *       cross-entropy); any other targets a linear output and the mse loss;</li>
 *   <li>a data set with a constant bias column (the XOR tutorial's {@code x3}) gets no biases, any other data
 *       set gets a bias in every layer;</li>
 *   <li>a summed loss (sse) on more than {@value #SMALL_SET} samples becomes a mean loss (bce), so that η keeps
 *       the size it had on a four-row tutorial;</li>
 *   <li>η, batch mode, momentum, shuffling, initializer and seed stay as they are;</li>
 *   <li>the derived inputs ({@link InputFeature}) stay on a new data set of two inputs, as the layers do.</li>
 * </ul>
 */
public final class Scenarios {
    /** The most hidden layers the editor offers. */
    public static final int MAX_HIDDEN_LAYERS = 6;
    /** The most neurons per hidden layer the editor offers. */
    public static final int MAX_NEURONS = 12;
    /** Data sets up to this size keep a summed loss. */
    public static final int SMALL_SET = 16;
    /** Appended to the name of a scenario whose architecture was edited. */
    public static final String EDITED = " (edited)";

    private Scenarios() {
    }

    /** @return true if every target is exactly 0 or 1 */
    public static boolean isClassification(Dataset d) {
        for (int r = 0; r < d.size(); r++) {
            for (int c = 0; c < d.targetSize(); c++) {
                double y = d.target(r, c);
                if (y != 0.0 && y != 1.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return true if there are two or more target columns and every row has a single 1, the others 0 */
    public static boolean isOneHot(Dataset d) {
        if (d.targetSize() < 2) {
            return false;
        }
        for (int r = 0; r < d.size(); r++) {
            int ones = 0;
            for (int c = 0; c < d.targetSize(); c++) {
                double y = d.target(r, c);
                if (y == 1.0) {
                    ones++;
                } else if (y != 0.0) {
                    return false;
                }
            }
            if (ones != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param current     the scenario now (its hidden layers and configuration are kept)
     * @param given       the new data set (given the current derived inputs if it has two inputs and none of its own)
     * @param name        e.g. {@code "circle"}
     * @param description one line, e.g. {@code "circle: 200 samples, noise 0.1, seed 1"}
     * @return a scenario with the current hidden layers between the data set's inputs and outputs
     */
    public static Scenario forDataset(Scenario current, Dataset given, String name, String description) {
        List<InputFeature> kept = current.dataset().features();
        Dataset d = given.features().isEmpty() && !kept.isEmpty() && given.takesFeatures() ? given.withFeatures(kept) : given;
        boolean classification = isClassification(d);
        boolean bias = d.biasColumn() < 0;
        List<LayerSpec> layers = new ArrayList<>();
        List<LayerSpec> old = current.layers();
        for (int i = 0; i < old.size() - 1; i++) {
            layers.add(new LayerSpec(old.get(i).size(), old.get(i).activation(), bias));
        }
        boolean oneHot = isOneHot(d);
        Activation out = oneHot ? Activation.SOFTMAX : classification ? Activation.SIGMOID : Activation.LINEAR;
        layers.add(new LayerSpec(d.targetSize(), out, bias));
        TrainingConfig c = current.config();
        if (!classification) {
            c = c.withLoss(Loss.MSE);
        } else if (oneHot) {
            c = c.withLoss(Loss.CROSS_ENTROPY);
        } else if (c.loss() == Loss.CROSS_ENTROPY || !c.loss().isMean() && d.size() > SMALL_SET) {
            c = c.withLoss(Loss.BCE);
        }
        Scenario s = new Scenario(name, "", d, layers, c, current.iterations());
        return new Scenario(name, description + " · " + shape(s), d, layers, c, current.iterations());
    }

    /**
     * @return the current data set and configuration with other weight layers, named
     *         {@code <base name> (edited)} so that choosing the original preset again loads it afresh
     */
    public static Scenario withArchitecture(Scenario current, List<LayerSpec> layers) {
        String base = baseName(current.name());
        Scenario s = new Scenario(base + EDITED, "", current.dataset(), layers, current.config(), current.iterations(),
                current.testRows());
        return new Scenario(s.name(), "Edited architecture " + shape(s) + " on the data of " + base, s.dataset(),
                layers, s.config(), s.iterations(), s.testRows());
    }

    /**
     * @return the current data set with {@code features} as its derived inputs (and no others), under the same
     *         layers and configuration: a new input layer, so a new first weight matrix; named like an edited
     *         architecture
     * @throws IllegalArgumentException if the data set does not have two inputs
     */
    public static Scenario withFeatures(Scenario current, List<InputFeature> features) {
        Dataset d = current.dataset().withFeatures(features);
        String base = baseName(current.name());
        Scenario s = new Scenario(base + EDITED, "", d, current.layers(), current.config(), current.iterations(),
                current.testRows());
        String what = d.features().isEmpty() ? "no input features"
                : "input features " + String.join(", ", d.inputNames().subList(d.inputSize() - d.features().size(),
                        d.inputSize()));
        return new Scenario(s.name(), shape(s) + " with " + what + " on the data of " + base, d, s.layers(),
                s.config(), s.iterations(), s.testRows());
    }

    /** @return the name without the {@link #EDITED} suffix */
    public static String baseName(String name) {
        return name.endsWith(EDITED) ? name.substring(0, name.length() - EDITED.length()) : name;
    }

    /** @return e.g. {@code "3-4-1 (sigmoid, sigmoid), sse"} */
    public static String shape(Scenario s) {
        StringBuilder b = new StringBuilder().append(s.dataset().inputSize());
        for (LayerSpec l : s.layers()) {
            b.append('-').append(l.size());
        }
        String acts = s.layers().stream().map(l -> l.activation().id()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s (%s), %s", b, acts, s.config().loss().id());
    }
}
