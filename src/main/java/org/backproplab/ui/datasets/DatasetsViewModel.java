package org.backproplab.ui.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.data.Generators;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.IterationTrace;
import org.backproplab.io.CsvExport;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.text.Allowed;
import org.backproplab.ui.common.NumberField;
import org.backproplab.text.NumberText;

/**
 * The Data menu's commands (FX thread, no nodes): the built-in data sets, the generated ones, the
 * train/test split and the CSV export. Choosing a data set builds a scenario around it with
 * {@link Scenarios#forDataset} (the current hidden layers stay) and starts over on it.
 */
public final class DatasetsViewModel {
    /** The most samples the generate dialog accepts. */
    public static final int MAX_GENERATED = 20_000;

    /** A data set of a preset, offered on its own. */
    public record Builtin(String name, String text, String preset) {
        /** @return the preset's data set */
        public Dataset dataset() {
            return Presets.get(preset).dataset();
        }
    }

    /** The built-in data sets, in menu order. */
    public static final List<Builtin> BUILTINS = List.of(
            new Builtin("xor", "XOR with a bias column (x1, x2, 1 → y)", "xor"),
            new Builtin("xor-2", "XOR on x1, x2 only", "xor-bias"),
            new Builtin("and", "AND gate (x1, x2 → y)", "and"),
            new Builtin("or", "OR gate (x1, x2 → y)", "or"),
            new Builtin("people", "The 2-2-1 tutorial's people: weight, height → female", "gender"));

    /** A generator offered in the Data menu, with the defaults its dialog starts with. */
    public enum Generated {
        CIRCLE("circle", "Circle: inside or outside", 200, 0.05),
        TWO_SPIRALS("two spirals", "Two spirals", 300, 0.03),
        GAUSSIAN("clusters", "Gaussian clusters", 200, 0.1),
        THREE_CLUSTERS("three clusters", "Three Gaussian clusters (3 classes, softmax output)", 300, 0.1),
        XOR_QUADRANTS("xor quadrants", "XOR quadrants", 200, 0.05),
        NOISY_SINE("noisy sine", "Noisy sine (1-D regression, linear output)", 60, 0.05);

        private final String id;
        private final String text;
        private final int count;
        private final double noise;

        Generated(String id, String text, int count, double noise) {
            this.id = id;
            this.text = text;
            this.count = count;
            this.noise = noise;
        }

        public String id() {
            return id;
        }

        public String text() {
            return text;
        }

        public int defaultCount() {
            return count;
        }

        public double defaultNoise() {
            return noise;
        }

        /** @return the data set drawn with these settings (same settings, same numbers) */
        public Dataset make(int n, double sd, long seed) {
            return switch (this) {
                case CIRCLE -> Generators.circle(n, sd, seed);
                case TWO_SPIRALS -> Generators.twoSpirals(n, sd, seed);
                case GAUSSIAN -> Generators.gaussianClusters(n, sd, seed);
                case THREE_CLUSTERS -> Generators.threeClusters(n, sd, seed);
                case XOR_QUADRANTS -> Generators.xorQuadrants(n, sd, seed);
                case NOISY_SINE -> Generators.noisySine(n, sd, seed);
            };
        }
    }

    /** The noise a generated data set accepts: the standard deviation added to each input. */
    static final Allowed NOISE = Allowed.between(0, 1, 0.05).because("(the standard deviation added to each input)");

    private final SessionBridge bridge;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public DatasetsViewModel(SessionBridge bridge) {
        this.bridge = bridge;
    }

    // Properties

    /** @return why the last command was refused, naming the value and the field; or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // Commands

    /** Starts over on a built-in data set under the current hidden layers. */
    public void load(Builtin b) {
        load(b.dataset(), b.name(), b.text());
    }

    /**
     * Generates a data set from typed settings and starts over on it.
     *
     * @return false (and {@link #errorProperty()} names the field and the value) if a setting is not allowed,
     *         or the current hidden layers would ask more work of that many samples than the engine allows
     */
    public boolean generate(Generated g, String countText, String noiseText, String seedText) {
        int n;
        double noise;
        long seed;
        try {
            n = (int) NumberText.parseWhole(countText, "samples", 2, MAX_GENERATED);
            noise = NumberText.parse(noiseText, "noise", NOISE);
            seed = NumberField.SEED.parseWhole(seedText);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        String text = String.format(Locale.ROOT, "%s: %d samples, noise %s, seed %d", g.text(), n,
                format(noise), seed);
        Dataset d = g.make(n, noise, seed);
        try {
            Scenarios.forDataset(bridge.snapshot().scenario(), d, g.id(), text);
        } catch (IllegalArgumentException e) {
            return refuse("'" + n + "' in samples: under the current hidden layers, " + e.getMessage() + ".");
        }
        load(d, g.id(), text);
        error.set("");
        return true;
    }

    /**
     * Starts over on {@code d} under the hidden layers and settings the session has when the command runs (the
     * session on show is kept for Back).
     */
    public void load(Dataset d, String name, String description) {
        bridge.session().reshape(now -> Scenarios.forDataset(now, d, name, description), "data set " + name);
    }

    /** Holds out {@code percent} % of the samples as a test set (0 puts them all back). */
    public void setTestPercent(int percent) {
        bridge.session().setTestFraction(percent / 100.0);
    }

    /**
     * Writes the data set now with the predictions {@code ŷ} and each sample's loss.
     *
     * @throws IOException if the file cannot be written
     */
    public void export(Path file) throws IOException {
        Snapshot s = bridge.snapshot();
        Dataset d = s.scenario().dataset();
        IterationTrace eval = s.evaluation();
        int[] rows = eval.samples();
        RealMatrix out = eval.output();
        double[][] yHat = new double[d.size()][];
        double[] losses = new double[d.size()];
        double[] sampleLosses = eval.sampleLosses();
        for (int k = 0; k < rows.length; k++) {
            yHat[rows[k]] = out.getRow(k);
            losses[rows[k]] = sampleLosses[k];
        }
        CsvExport.write(file, d, new Array2DRowRealMatrix(yHat, false), losses, s.testRows());
    }

    private boolean refuse(String message) {
        error.set(message);
        return false;
    }

    /** Forgets the last refusal. */
    public void clearError() {
        error.set("");
    }

    /** @return {@code v} as a field shows it: exact ({@link NumberText#editable}) */
    static String format(double v) {
        return NumberText.editable(v);
    }
}
