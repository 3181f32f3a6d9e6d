package org.backproplab.ui.datasets;

import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.session.Scores;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Throttle;
import org.backproplab.text.NumberText;

/**
 * The score read-outs beside the loss chart (FX thread, no nodes): loss and accuracy on the training rows
 * and on the held-out test rows, from {@link Snapshot#scores()}. Accuracy is shown only for classification
 * data; the test column only with a train/test split ("—" otherwise).
 */
public final class ScoresViewModel {
    /** Shown where a number does not exist. */
    public static final String NONE = "—";

    private final ReadOnlyStringWrapper trainingLoss = new ReadOnlyStringWrapper(this, "trainingLoss", NONE);
    private final ReadOnlyStringWrapper testLoss = new ReadOnlyStringWrapper(this, "testLoss", NONE);
    private final ReadOnlyStringWrapper trainingAccuracy = new ReadOnlyStringWrapper(this, "trainingAccuracy", NONE);
    private final ReadOnlyStringWrapper testAccuracy = new ReadOnlyStringWrapper(this, "testAccuracy", NONE);
    private final Throttle throttle = new Throttle(8);
    private final ReadOnlyBooleanWrapper classification = new ReadOnlyBooleanWrapper(this, "classification");

    public ScoresViewModel(SessionBridge bridge) {
        // while training runs, as often as the loss chart it describes (8 times a second)
        bridge.snapshotProperty().addListener((o, was, now) -> throttle.submit(now == null || !now.running(),
                () -> show(bridge.snapshot())));
        show(bridge.snapshot());
    }

    private void show(Snapshot s) {
        Scores sc = s.scores();
        int n = s.scenario().dataset().size();
        int test = s.testRows().length;
        int train = n - test;
        trainingLoss.set(loss(sc.trainingLoss()));
        testLoss.set(sc.hasTestSet() ? loss(sc.testLoss()) : NONE);
        classification.set(sc.isClassification());
        trainingAccuracy.set(accuracy(sc.trainingAccuracy(), train));
        testAccuracy.set(sc.hasTestSet() ? accuracy(sc.testAccuracy(), test) : NONE);
    }

    /** @return e.g. {@code 0.01234}, {@code 3.21e−5}, {@code NaN}, {@code ∞} ({@link NumberText#format(double)}) */
    static String loss(double v) {
        return NumberText.format(v);
    }

    /** @return e.g. {@code 75.0 % (3/4)}, or {@link #NONE} if not classification */
    static String accuracy(double fraction, int rowCount) {
        if (Double.isNaN(fraction)) {
            return NONE;
        }
        long right = Math.round(fraction * rowCount);
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * fraction, right, rowCount);
    }

    // Properties

    public ReadOnlyStringProperty trainingLossProperty() {
        return trainingLoss.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testLossProperty() {
        return testLoss.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trainingAccuracyProperty() {
        return trainingAccuracy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testAccuracyProperty() {
        return testAccuracy.getReadOnlyProperty();
    }

    /** @return true if the targets are classes (accuracy means something) */
    public ReadOnlyBooleanProperty classificationProperty() {
        return classification.getReadOnlyProperty();
    }
}
