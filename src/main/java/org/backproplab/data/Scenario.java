package org.backproplab.data;

import java.util.List;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.engine.WorkLimits;

/**
 * A complete training scenario: a data set, the shape of the network, and how it trains.
 *
 * @param name        short id, e.g. {@code "xor"}
 * @param description one line for menus and {@code presets}
 * @param dataset     samples and probes
 * @param layers      the weight layers; the last one's size is the data set's target width
 * @param config      loss, η, batch mode, momentum, initializer, seed
 * @param iterations  how many iterations the tutorial trains for (the command line's default)
 * @param testRows    the rows held out as a test set from the start (the real data sets' stated split), ascending;
 *                    empty for none
 * @param variants    the settings of further runs that start beside the first when the scenario is loaded, from the
 *                    same initial weights and on the same data order (a race of optimisers); empty for one run
 * @throws IllegalArgumentException if the output layer does not match the targets, softmax is not on the output
 *                                  layer, the loss does not fit the output (cross-entropy needs softmax), or the
 *                                  network asks more work of the data set than {@link WorkLimits} allows
 */
public record Scenario(String name, String description, Dataset dataset, List<LayerSpec> layers,
                       TrainingConfig config, long iterations, int[] testRows, List<TrainingConfig> variants) {
    public Scenario {
        layers = List.copyOf(layers);
        variants = variants == null ? List.of() : List.copyOf(variants);
        testRows = testRows == null ? new int[0] : testRows.clone();
        for (int r : testRows) {
            if (r < 0 || r >= dataset.size()) {
                throw new IllegalArgumentException("scenario '" + name + "': test row " + r + " does not exist: expected 0.."
                        + (dataset.size() - 1));
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + name + "' has no weight layer");
        }
        if (layers.get(layers.size() - 1).size() != dataset.targetSize()) {
            throw new IllegalArgumentException("scenario '" + name + "': the output layer has "
                    + layers.get(layers.size() - 1).size() + " neurons but the data set has "
                    + dataset.targetSize() + " targets");
        }
        Network.checkActivations(layers);
        config.loss().checkOutput(layers.get(layers.size() - 1).activation());
        WorkLimits.check(dataset.inputSize(), layers, dataset.size(), "sample");
        WorkLimits.check(dataset.inputSize(), layers, dataset.probeCount(), "probe");
    }

    /** A scenario of one run. */
    public Scenario(String name, String description, Dataset dataset, List<LayerSpec> layers, TrainingConfig config,
                    long iterations, int[] testRows) {
        this(name, description, dataset, layers, config, iterations, testRows, List.of());
    }

    /** A scenario that trains on every sample (no test rows held out from the start). */
    public Scenario(String name, String description, Dataset dataset, List<LayerSpec> layers, TrainingConfig config,
                    long iterations) {
        this(name, description, dataset, layers, config, iterations, new int[0]);
    }

    /** Equal when every component is, the test rows compared by their numbers. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && java.util.Objects.equals(name, s.name)
                && java.util.Objects.equals(description, s.description) && java.util.Objects.equals(dataset, s.dataset)
                && layers.equals(s.layers) && java.util.Objects.equals(config, s.config)
                && iterations == s.iterations && java.util.Arrays.equals(testRows, s.testRows)
                && variants.equals(s.variants);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, description, dataset, layers, config, iterations, variants)
                + 31 * java.util.Arrays.hashCode(testRows);
    }

    @Override
    public String toString() {
        return "Scenario[name=" + name + ", description=" + description + ", layers=" + layers + ", config=" + config
                + ", iterations=" + iterations + ", testRows=" + testRows.length + ", variants=" + variants + "]";
    }

    /** @return a copy of the rows held out from the start, ascending */
    @Override
    public int[] testRows() {
        return testRows.clone();
    }

    /** @return a fresh network initialised from the configured initializer and seed */
    public Network createNetwork() {
        return Network.create(dataset.inputSize(), layers, config.init(), config.seed());
    }

    /** @return a trainer on a fresh network and this data set, holding out {@link #testRows()} */
    public Trainer createTrainer() {
        Trainer t = new Trainer(createNetwork(), dataset.inputs(), dataset.targets(), config);
        if (testRows.length > 0) {
            t.setTestRows(testRows);
        }
        return t;
    }

    public Scenario withConfig(TrainingConfig c) {
        return new Scenario(name, description, dataset, layers, c, iterations, testRows, variants);
    }

    /** @return this scenario on {@code d}; the test rows stay only if {@code d} has as many samples */
    public Scenario withDataset(Dataset d) {
        return new Scenario(name, description, d, layers, config, iterations,
                d.size() == dataset.size() ? testRows : new int[0], variants);
    }

    /** @return this scenario holding out {@code rows} (ascending) from the start */
    public Scenario withTestRows(int[] rows) {
        return new Scenario(name, description, dataset, layers, config, iterations, rows, variants);
    }

    public Scenario withLayers(List<LayerSpec> l) {
        return new Scenario(name, description, dataset, l, config, iterations, testRows, variants);
    }

    /** @return this scenario with {@code v} as the settings of the runs that start beside the first */
    public Scenario withVariants(List<TrainingConfig> v) {
        return new Scenario(name, description, dataset, layers, config, iterations, testRows, v);
    }
}
