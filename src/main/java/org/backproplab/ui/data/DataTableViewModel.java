package org.backproplab.ui.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Accuracy;
import org.backproplab.data.Dataset;
import org.backproplab.data.ImageInput;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Loss;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.text.Allowed;
import org.backproplab.text.NumberText;

/**
 * The data table's state (FX thread, no Nodes): one {@link SampleRow} per sample, kept up to date from the
 * snapshots; the edits (inputs, targets, rows added or removed) sent to the session as commands after
 * checking them; the probe: {@code ŷ} for inputs anyone types, and for the data set's own probes.
 */
public final class DataTableViewModel {
    private final TrainingSession session;
    private final ObservableList<SampleRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyIntegerWrapper shape = new ReadOnlyIntegerWrapper(this, "shape", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper probes = new ReadOnlyStringWrapper(this, "probes", "");
    private Snapshot snapshot;
    private final ImageInput.Memo images = new ImageInput.Memo();
    /** How the inputs are an image (digits, MNIST), or null. */
    private ImageInput image;
    private List<Object> shapeKey = List.of();
    /**
     * The data set whose labels, inputs and targets the rows hold, or null: the data set is immutable, so while it
     * stays the same (training runs) a refresh sets only what training changes (the digits' 1,797 × 74 values set
     * again at every refresh took a third of the table's time).
     */
    private Dataset filled;
    /** What was on show when the message was set: the message goes when training or the data moves on. */
    private MessageContext messageContext;

    /** The data set, the iteration and the phase a refusal was about, and whether training was running. */
    private record MessageContext(Dataset dataset, String scenario, long iteration, int phase, boolean running) {
        static MessageContext of(Snapshot s) {
            return s == null ? null : new MessageContext(s.scenario().dataset(), s.scenario().name(), s.iteration(),
                    s.phaseIndex(), s.running());
        }

        /**
         * @return true if the message no longer belongs on {@code s}: another data set or scenario, or training
         *         has stepped since (for a message given while training ran: and has paused since)
         */
        boolean outdatedBy(Snapshot s) {
            boolean otherData = s.scenario().dataset() != dataset || !s.scenario().name().equals(scenario);
            boolean stepped = s.iteration() != iteration || s.phaseIndex() != phase;
            return otherData || stepped && !(running && s.running());
        }
    }

    public DataTableViewModel(TrainingSession session) {
        this.session = session;
    }

    // Properties

    /** @return one row per sample, in data-set order */
    public ObservableList<SampleRow> rows() {
        return rows;
    }

    /** @return the data set shown (with the edits made so far) */
    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /** @return a counter that increases when the columns change (names, widths, bias column) */
    public ReadOnlyIntegerProperty shapeProperty() {
        return shape.getReadOnlyProperty();
    }

    /**
     * @return why the last edit was refused, or empty: cleared by the next accepted edit, by Esc, and when the
     *         data set or the scenario changes or training steps
     */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return the data set's probes with their {@code ŷ}, e.g. "Emily (−7, −3) → ŷ = 0.9511", or empty */
    public ReadOnlyStringProperty probesProperty() {
        return probes.getReadOnlyProperty();
    }

    /**
     * @return how the inputs are an image ({@code p1,1 … pR,C}: digits, MNIST), or null: the table then shows each
     *         sample's inputs as a picture
     */
    public ImageInput imageInput() {
        return image;
    }

    /** @return the snapshot shown */
    public Snapshot snapshot() {
        return snapshot;
    }

    // Commands

    /** Follows a new snapshot: values in place, rows rebuilt only if their number or the columns changed. */
    public void update(Snapshot s) {
        if (s == null) {
            return;
        }
        snapshot = s;
        if (messageContext != null && messageContext.outdatedBy(s)) {
            clearMessage();
        }
        Dataset d = s.scenario().dataset();
        image = images.of(s.scenario()); // before the columns are rebuilt for a new shape
        if (d != dataset.get()) {
            dataset.set(d);
        }
        List<Object> key = List.of(d.inputNames(), d.targetNames(), d.biasColumn());
        boolean reshaped = !key.equals(shapeKey);
        if (reshaped || rows.size() != d.size()) {
            List<SampleRow> fresh = new ArrayList<>();
            for (int i = 0; i < d.size(); i++) {
                fresh.add(new SampleRow(i, d.inputSize(), d.targetSize()));
            }
            fill(fresh, s, true);
            filled = d;
            shapeKey = key;
            // the rows first: the columns rebuilt on the shape change measure the new rows (a new data set may
            // have more target columns than the rows shown until now)
            rows.setAll(fresh);
            if (reshaped) {
                shape.set(shape.get() + 1);
            }
        } else {
            fill(rows, s, d != filled);
            filled = d;
        }
        probes.set(describeProbes(s));
    }

    /**
     * Sets the rows' values from {@code s}: what training changes (ŷ, class, loss, batch and test marks), and with
     * {@code data} the data set's own labels, inputs and targets as well.
     */
    private static void fill(List<SampleRow> target, Snapshot s, boolean data) {
        Dataset d = s.scenario().dataset();
        IterationTrace eval = s.evaluation();
        RealMatrix out = eval == null ? null : eval.output();
        double[] losses = eval == null ? null : eval.sampleLosses();
        boolean[] batch = batchRows(s, d.size());
        for (int i = 0; i < target.size(); i++) {
            SampleRow r = target.get(i);
            if (data) {
                fillData(r, d, i);
            }
            for (int c = 0; c < d.targetSize(); c++) {
                r.prediction(c).set(out == null || i >= out.getRowDimension() ? Double.NaN : out.getEntry(i, c));
            }
            r.predictedClassProperty().set(predictedClass(d, out, i));
            r.lossProperty().set(losses == null || i >= losses.length ? Double.NaN : losses[i]);
            r.inBatchProperty().set(batch[i]);
            r.inTestProperty().set(s.isTestRow(i));
        }
    }

    /**
     * Sets row {@code r} to sample {@code i} of {@code d}: its label, inputs (and their picture, when an input
     * differs from the picture's: a typed pixel is already in the row's input before the session takes it) and
     * targets.
     */
    private static void fillData(SampleRow r, Dataset d, int i) {
        r.labelProperty().set(d.label(i));
        double[] picture = r.inputVectorProperty().get();
        boolean inputsChanged = picture == null || picture.length != d.inputSize();
        for (int c = 0; c < d.inputSize(); c++) {
            double x = d.input(i, c);
            inputsChanged = inputsChanged || Double.doubleToLongBits(x) != Double.doubleToLongBits(picture[c]);
            r.input(c).set(x);
        }
        if (inputsChanged) {
            r.inputVectorProperty().set(d.inputRow(i));
        }
        for (int c = 0; c < d.targetSize(); c++) {
            r.target(c).set(d.target(i, c));
        }
    }

    /**
     * @return the predicted class of sample {@code i} ({@link Accuracy#predicted}: the largest output) named by its
     *         target column, with " ✗" if the target's class is another; empty with one target column or no outputs
     */
    static String predictedClass(Dataset d, RealMatrix out, int i) {
        if (d.targetSize() < 2 || out == null || i >= out.getRowDimension()) {
            return "";
        }
        double[] yHat = out.getRow(i);
        int k = Accuracy.predicted(yHat);
        double[] y = new double[d.targetSize()];
        for (int c = 0; c < y.length; c++) {
            y[c] = d.target(i, c);
        }
        boolean right = k == Accuracy.truth(y);
        return d.targetNames().get(k) + (right ? "" : " ✗");
    }

    /**
     * @return which rows are in the batch being stepped (the iteration in progress, or else the next one),
     *         all false while running or when the batch is the whole data set (nothing to point out)
     */
    static boolean[] batchRows(Snapshot s, int n) {
        boolean[] in = new boolean[n];
        IterationTrace t = s.phaseIndex() > 0 ? s.trace() : s.preview();
        if (s.running() || t == null || t.samples().length >= n) {
            return in;
        }
        for (int i : t.samples()) {
            if (i >= 0 && i < n) {
                in[i] = true;
            }
        }
        return in;
    }

    /**
     * Sets input {@code column} of sample {@code row} from typed text.
     *
     * @return true if the edit was sent; false if the text was refused (see {@link #messageProperty()})
     */
    public boolean commitInput(int row, int column, String text) {
        Dataset d = dataset.get();
        String place = d.label(row) + ", " + d.inputNames().get(column);
        if (column == d.biasColumn()) {
            return refuse(place + " is the constant bias input: it stays 1");
        }
        if (d.isDerived(column)) {
            return refuse(place + " is a derived input, computed from " + d.inputNames().get(d.featureBase()[0]) + " and "
                    + d.inputNames().get(d.featureBase()[1]) + ": change one of those instead");
        }
        try {
            double v = NumberText.parse(text, place);
            clearMessage();
            rows.get(row).input(column).set(v);
            filled = null; // the row shows the typed value until the session answers: the next refresh sets it back
            session.setInput(row, column, v);
            return true;
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
    }

    /**
     * Sets target {@code column} of sample {@code row} from typed text.
     *
     * @return true if the edit was sent; false if the text was refused
     */
    public boolean commitTarget(int row, int column, String text) {
        Dataset d = dataset.get();
        String place = d.label(row) + ", " + d.targetNames().get(column);
        Loss loss = snapshot.scenario().config().loss();
        Allowed allowed = loss == Loss.BCE ? Allowed.between(0, 1, Double.NaN).because("with the bce loss") : Allowed.ANY;
        try {
            double v = NumberText.parse(text, place, allowed);
            if (!loss.acceptsTarget(v)) {
                return refuse(NumberText.refusal(text, place, allowed));
            }
            clearMessage();
            rows.get(row).target(column).set(v);
            filled = null; // as for an input: a refused edit must not stay in the row
            session.setTarget(row, column, v);
            return true;
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
    }

    /**
     * Adds a sample at the end of the data set as the session has it when the command runs: a copy of row
     * {@code copyOf}, or zeros (and 1 in the bias column) if −1.
     */
    public void addRow(int copyOf) {
        clearMessage();
        session.addSample(copyOf >= 0 && copyOf < dataset.get().size() ? copyOf : -1);
    }

    /** Removes sample {@code row} (the session refuses to remove the last one, and says so). */
    public boolean removeRow(int row) {
        Dataset d = dataset.get();
        if (d.size() <= 1) {
            return refuse("The data set needs at least one sample: " + d.label(0) + " cannot be removed.");
        }
        if (row < 0 || row >= d.size()) {
            return refuse("Select the row to remove first.");
        }
        clearMessage();
        session.removeSample(row);
        return true;
    }

    /**
     * The probe row: {@code ŷ} for typed inputs, with the network of the snapshot shown.
     *
     * @param texts one text per input column (the bias column's is ignored and taken as 1; derived inputs, the last
     *              columns, are computed from the others and may be left out)
     * @return e.g. "ŷ = 0.7311", or the message naming the value that is not a number
     */
    public String probe(List<String> texts) {
        Dataset d = dataset.get();
        if (d == null || snapshot == null) {
            return "";
        }
        double[] x = new double[d.inputSize()];
        for (int c = 0; c < x.length; c++) {
            if (c == d.biasColumn() || d.isDerived(c)) {
                continue;
            }
            String t = c < texts.size() ? texts.get(c) : "";
            try {
                x[c] = NumberText.parse(t, "probe, " + d.inputNames().get(c));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return "ŷ = " + outputs(snapshot.network().predict(probeInput(d, x)));
    }

    /** @return {@code x} with the bias column 1 and the derived inputs computed from its two inputs */
    private static double[] probeInput(Dataset d, double[] x) {
        if (!d.features().isEmpty()) {
            int[] xy = d.featureBase();
            return d.inputAt(x[xy[0]], x[xy[1]]);
        }
        if (d.biasColumn() >= 0) {
            x[d.biasColumn()] = 1.0;
        }
        return x;
    }

    private static String describeProbes(Snapshot s) {
        Dataset d = s.scenario().dataset();
        RealMatrix out = s.probeOutputs();
        double[][] p = d.probes();
        if (out == null || p.length == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
            if (i > 0) {
                b.append("      ");
            }
            String name = i < d.probeLabels().size() ? d.probeLabels().get(i) : "probe " + (i + 1);
            b.append(name).append(" (");
            for (int c = 0; c < p[i].length; c++) {
                b.append(c > 0 ? ", " : "").append(NumberText.format(p[i][c]));
            }
            b.append(") → ŷ = ").append(outputs(out.getRow(i)));
        }
        return b.toString();
    }

    private static String outputs(double[] y) {
        if (y.length == 1) {
            return NumberText.format(y[0]);
        }
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < y.length; k++) {
            b.append(k > 0 ? ", " : "").append(NumberText.format(y[k]));
        }
        return b.append(')').toString();
    }

    private boolean refuse(String why) {
        message.set(Objects.requireNonNullElse(why, "The value was refused."));
        messageContext = MessageContext.of(snapshot);
        return false;
    }

    /** Clears the message (after the user cancelled an edit, or once it no longer applies). */
    public void clearMessage() {
        message.set("");
        messageContext = null;
    }
}
