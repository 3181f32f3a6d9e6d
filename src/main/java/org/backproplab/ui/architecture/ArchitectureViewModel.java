package org.backproplab.ui.architecture;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.text.Allowed;
import org.backproplab.ui.common.NumberField;
import org.backproplab.text.NumberText;

/**
 * The architecture editor's state and commands (FX thread, no nodes). What it shows always comes from the
 * latest snapshot's scenario, whose layers are those of the run on show (a variant's hidden activation included);
 * every command is computed from that scenario and sent to the session:
 * <ul>
 *   <li>a change of shape (hidden layers, neurons, activation, bias) starts over from the seed with
 *       {@code session.load(...)}, from the layers of the run on show, as a teacher sees them (the other runs are
 *       kept with the session for Back); so does a new initializer or seed (through {@code setConfig});</li>
 *   <li>η, the optimiser and its parameters, the regularization and λ, loss, batch mode and shuffling go through
 *       {@code setConfig}: the weights stay and the loss chart gets a marker.</li>
 * </ul>
 * A typed value that is not allowed changes nothing; {@link #errorProperty()} names the value and the field.
 */
public final class ArchitectureViewModel {
    /** How samples are grouped into updates, as the editor offers it. */
    public enum BatchKind {
        FULL("full batch"), SAMPLE("per sample"), MINI("mini-batch");

        private final String text;

        BatchKind(String text) {
            this.text = text;
        }

        /** @return the kind of {@code b} */
        public static BatchKind of(BatchMode b) {
            return b.isFull() ? FULL : b.size() == 1 ? SAMPLE : MINI;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Mini-batch size offered when switching to mini-batches. */
    public static final int DEFAULT_MINI_BATCH = 32;
    /** The λ a penalty starts with when it is switched on. */
    public static final double DEFAULT_LAMBDA = 0.001;
    /** The largest mini-batch size accepted. */
    public static final int MAX_MINI_BATCH = 100_000;

    private final SessionBridge bridge;

    // Properties
    private final ReadOnlyObjectWrapper<List<LayerSpec>> layers = new ReadOnlyObjectWrapper<>(this, "layers", List.of());
    private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyStringWrapper inputText = new ReadOnlyStringWrapper(this, "inputText", "");
    private final ReadOnlyStringWrapper outputText = new ReadOnlyStringWrapper(this, "outputText", "");
    private final ReadOnlyStringWrapper datasetText = new ReadOnlyStringWrapper(this, "datasetText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ArchitectureViewModel(SessionBridge bridge) {
        this.bridge = bridge;
        bridge.snapshotProperty().addListener((o, was, now) -> show(now));
        show(bridge.snapshot());
    }

    private void show(Snapshot s) {
        Scenario sc = s.scenario();
        if (!sc.layers().equals(layers.get())) {
            layers.set(sc.layers());
        }
        if (!sc.config().equals(config.get())) {
            config.set(sc.config());
        }
        Dataset d = sc.dataset();
        inputText.set(count(d.inputSize()) + " · " + names(d.inputNames()));
        outputText.set(count(d.targetSize()) + " · " + names(d.targetNames()));
        datasetText.set(Scenarios.baseName(sc.name()) + " · " + d.size() + (d.size() == 1 ? " sample" : " samples"));
    }

    private static String count(int n) {
        return n + (n == 1 ? " neuron" : " neurons");
    }

    private static String names(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + ", … " + names.get(names.size() - 1);
    }

    private Scenario current() {
        return bridge.snapshot().scenario();
    }

    // Properties

    /** @return the weight layers now: the hidden layers, then the output layer */
    public ReadOnlyObjectProperty<List<LayerSpec>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    /** @return the training configuration now */
    public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** @return e.g. "3 neurons · x1, x2, x3" (follows the data set) */
    public ReadOnlyStringProperty inputTextProperty() {
        return inputText.getReadOnlyProperty();
    }

    /** @return e.g. "1 neuron · y" (follows the data set) */
    public ReadOnlyStringProperty outputTextProperty() {
        return outputText.getReadOnlyProperty();
    }

    /** @return e.g. "xor · 4 samples" */
    public ReadOnlyStringProperty datasetTextProperty() {
        return datasetText.getReadOnlyProperty();
    }

    /** @return why the last command was refused (naming the value and the field), or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return the number of hidden layers now */
    public int hiddenCount() {
        return layers.get().size() - 1;
    }

    // Commands: shape (starts over from the seed)

    /** Adds a hidden layer just before the output, a copy of the last hidden layer (or 4 sigmoid neurons). */
    public boolean addLayer() {
        List<LayerSpec> l = new ArrayList<>(current().layers());
        int hidden = l.size() - 1;
        if (hidden >= Scenarios.MAX_HIDDEN_LAYERS) {
            return refuse("Hidden layers: " + hidden + " is the most this editor offers ("
                    + Scenarios.MAX_HIDDEN_LAYERS + "); remove one first.");
        }
        LayerSpec model = hidden > 0 ? l.get(hidden - 1)
                : new LayerSpec(4, Activation.SIGMOID, l.get(l.size() - 1).bias());
        return reshape(now -> {
            int h = now.size() - 1;
            LayerSpec m = h > 0 ? now.get(h - 1) : new LayerSpec(4, Activation.SIGMOID, now.get(now.size() - 1).bias());
            now.add(h, new LayerSpec(Math.min(m.size(), Scenarios.MAX_NEURONS), m.activation(), m.bias()));
        }, "a hidden layer added");
    }

    /** Removes hidden layer {@code i} (from 0). */
    public boolean removeLayer(int i) {
        List<LayerSpec> l = new ArrayList<>(current().layers());
        checkHidden(i, l);
        return reshape(now -> {
            checkHidden(i, now);
            now.remove(i);
        }, "hidden layer " + (i + 1) + " removed");
    }

    /** Sets the neurons of hidden layer {@code i} from typed text (1 to 12). */
    public boolean setNeurons(int i, String typed) {
        try {
            return setNeurons(i, (int) NumberText.parseWhole(typed, neurons(i), 1, Scenarios.MAX_NEURONS));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
    }

    private static String neurons(int i) {
        return "hidden layer " + (i + 1) + ", neurons";
    }

    /** Adds {@code delta} neurons to hidden layer {@code i}, within 1 to 12. */
    public boolean addNeurons(int i, int delta) {
        int now = current().layers().get(i).size();
        int next = Math.max(1, Math.min(Scenarios.MAX_NEURONS, now + delta));
        return next == now ? refuse(NumberText.refusal(String.valueOf(now + delta), neurons(i),
                Allowed.whole(1, Scenarios.MAX_NEURONS))) : setNeurons(i, next);
    }

    private boolean setNeurons(int i, int n) {
        List<LayerSpec> l = new ArrayList<>(current().layers());
        checkHidden(i, l);
        LayerSpec old = l.get(i);
        if (old.size() == n) {
            return ok();
        }
        return reshape(now -> {
            checkHidden(i, now);
            LayerSpec o = now.get(i);
            now.set(i, new LayerSpec(n, o.activation(), o.bias()));
        }, "hidden layer " + (i + 1) + " with " + n + " neurons");
    }

    /** Sets the activation of weight layer {@code i} (from 0; the last is the output layer). */
    public boolean setActivation(int i, Activation a) {
        List<LayerSpec> l = new ArrayList<>(current().layers());
        LayerSpec old = l.get(i);
        if (old.activation() == a) {
            return ok();
        }
        return reshape(now -> {
            LayerSpec o = now.get(i);
            now.set(i, new LayerSpec(o.size(), a, o.bias()));
        }, "layer " + (i + 1) + " " + a.id());
    }

    /** Gives weight layer {@code i} a bias or takes it away. */
    public boolean setBias(int i, boolean bias) {
        List<LayerSpec> l = new ArrayList<>(current().layers());
        LayerSpec old = l.get(i);
        if (old.bias() == bias) {
            return ok();
        }
        return reshape(now -> {
            LayerSpec o = now.get(i);
            now.set(i, new LayerSpec(o.size(), o.activation(), bias));
        }, "layer " + (i + 1) + (bias ? " with" : " without") + " bias");
    }

    private static void checkHidden(int i, List<LayerSpec> l) {
        if (i < 0 || i >= l.size() - 1) {
            throw new IllegalArgumentException("there is no hidden layer " + (i + 1));
        }
    }

    /**
     * Sends the change as a command: the worker applies {@code change} to the layers the session has then (so two
     * quick changes never undo each other) and starts over on the new architecture. A change that would ask more
     * work of the data set than the engine allows ({@code WorkLimits}) is refused here, and nothing is sent.
     */
    private boolean reshape(java.util.function.Consumer<List<LayerSpec>> change, String what) {
        List<LayerSpec> next = new ArrayList<>(current().layers());
        change.accept(next);
        try {
            Scenarios.withArchitecture(current(), next);
        } catch (IllegalArgumentException e) {
            return refuse("Not changed (" + what + "): " + e.getMessage() + ".");
        }
        bridge.session().reshape(s -> {
            List<LayerSpec> l = new ArrayList<>(s.layers());
            change.accept(l);
            return Scenarios.withArchitecture(s, l);
        }, what);
        return ok();
    }

    // Commands: training (η, μ, loss, batch, shuffle go on with a marker; initializer and seed start over)

    public boolean setLoss(Loss loss) {
        Dataset d = current().dataset();
        if ((loss == Loss.BCE || loss == Loss.CROSS_ENTROPY) && !targetsInUnitRange(d)) {
            return refuse("Loss: " + loss.id() + " needs every target y between 0 and 1, but this data set has others; "
                    + "the loss stays " + current().config().loss().id() + ".");
        }
        List<LayerSpec> layers = current().layers();
        try {
            loss.checkOutput(layers.get(layers.size() - 1).activation());
        } catch (IllegalArgumentException e) {
            return refuse("Loss: " + e.getMessage() + "; the loss stays " + current().config().loss().id() + ".");
        }
        return configure(c -> c.withLoss(loss));
    }

    /** Switches the batch kind; a mini-batch takes {@link #DEFAULT_MINI_BATCH} samples (or the size it had). */
    public boolean setBatchKind(BatchKind kind) {
        BatchMode now = current().config().batch();
        BatchMode b = switch (kind) {
            case FULL -> BatchMode.FULL;
            case SAMPLE -> BatchMode.SAMPLE;
            case MINI -> now.size() > 1 ? now : BatchMode.miniBatch(DEFAULT_MINI_BATCH);
        };
        if (b.equals(now)) {
            return ok();
        }
        return configure(c -> c.withBatch(kind == BatchKind.MINI && c.batch().size() > 1 ? c.batch() : b));
    }

    /** Sets the mini-batch size from typed text (2 or more). */
    public boolean commitBatchSize(String typed) {
        try {
            int n = (int) NumberText.parseWhole(typed, "mini-batch size", 2, MAX_MINI_BATCH);
            return configure(c -> c.withBatch(BatchMode.miniBatch(n)));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage() + " (1 is \"per sample\")");
        }
    }

    public boolean setShuffle(boolean shuffle) {
        return configure(c -> c.withShuffle(shuffle));
    }

    /** A new initializer: the weights start over from the seed. */
    public boolean setInitializer(Initializer init) {
        return configure(c -> c.withInit(init));
    }

    /** A new seed from typed text (any whole number): the weights start over. */
    public boolean commitSeed(String typed) {
        try {
            long seed = NumberField.SEED.parseWhole(typed);
            return configure(c -> c.withSeed(seed));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
    }

    /** A new η from typed text (a number ≥ 0): training goes on with the same weights. */
    public boolean commitLearningRate(String typed) {
        try {
            double eta = NumberField.LEARNING_RATE.parse(typed);
            return configure(c -> c.withLearningRate(eta));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
    }

    /**
     * A new momentum μ from typed text (0 ≤ μ < 1): training goes on with the same weights. With gradient descent or
     * momentum, μ > 0 means momentum and μ = 0 gradient descent; Nesterov keeps its kind.
     */
    public boolean commitMomentum(String typed) {
        try {
            double mu = NumberField.MOMENTUM.parse(typed);
            return configure(c -> c.withMomentum(mu));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
    }

    /** Another optimiser, keeping the parameters it shares with this one: training goes on with the same weights. */
    public boolean setOptimizerKind(Optimizer.Kind kind) {
        return configure(c -> c.withOptimizer(c.optimizer().withKind(kind)));
    }

    /** A parameter of the optimiser (μ, ρ, β1, β2 or ε) from typed text: training goes on with the same weights. */
    public boolean commitOptimizerParameter(Optimizer.Parameter p, String typed) {
        try {
            double x = NumberField.of(p).parse(typed);
            return configure(c -> c.withOptimizer(p.in(c.optimizer(), x)));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
    }

    /** Another penalty (keeping λ, or {@value #DEFAULT_LAMBDA} where it was 0): the weights stay. */
    public boolean setRegularizationKind(Regularization.Kind kind) {
        return configure(c -> {
            double lambda = c.regularization().lambda();
            return c.withRegularization(new Regularization(kind, lambda == 0 ? DEFAULT_LAMBDA : lambda));
        });
    }

    /** The penalty's strength λ from typed text (a number ≥ 0): the weights stay. */
    public boolean commitLambda(String typed) {
        try {
            double lambda = NumberField.LAMBDA.parse(typed);
            return configure(c -> c.withRegularization(new Regularization(c.regularization().kind(), lambda)));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
    }

    /** Forgets the last refusal. */
    public void clearError() {
        error.set("");
    }

    /** Sends the change as a command, applied by the worker to the configuration the session has then. */
    private boolean configure(java.util.function.UnaryOperator<TrainingConfig> change) {
        if (!change.apply(current().config()).equals(current().config())) {
            bridge.session().updateConfig(change);
        }
        return ok();
    }

    private boolean ok() {
        error.set("");
        return true;
    }

    private boolean refuse(String message) {
        error.set(message);
        return false;
    }

    private static boolean targetsInUnitRange(Dataset d) {
        for (int r = 0; r < d.size(); r++) {
            for (int c = 0; c < d.targetSize(); c++) {
                if (!Loss.BCE.acceptsTarget(d.target(r, c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return {@code v} as its field shows it: exact ({@link NumberText#editable}), e.g. 1, 0.5, 0.001 */
    public static String format(double v) {
        return NumberText.editable(v);
    }
}
