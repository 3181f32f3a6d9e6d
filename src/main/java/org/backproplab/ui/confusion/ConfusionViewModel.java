package org.backproplab.ui.confusion;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backproplab.data.Accuracy;
import org.backproplab.data.Dataset;
import org.backproplab.engine.IterationTrace;
import org.backproplab.session.Snapshot;

/**
 * The confusion matrix's state (FX thread, no Nodes), from a snapshot's evaluation over every sample with the
 * weights now: {@code counts[t][p]} is how many rows of true class {@code t} the network puts in class {@code p}
 * ({@link Accuracy}: the largest output), over the training rows or over the held-out test rows. Choosing a cell
 * lists its samples; the misclassified samples of those rows are listed with the probabilities the network gives
 * their predicted and their true class.
 */
public final class ConfusionViewModel {
    private final ReadOnlyObjectWrapper<int[][]> counts = new ReadOnlyObjectWrapper<>(this, "counts", new int[0][0]);
    private final ReadOnlyObjectWrapper<List<String>> classNames = new ReadOnlyObjectWrapper<>(this, "classNames", List.of());
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final ReadOnlyBooleanWrapper test = new ReadOnlyBooleanWrapper(this, "test", false);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);
    private final ReadOnlyStringWrapper cellText = new ReadOnlyStringWrapper(this, "cellText", "");
    private final ObservableList<Integer> cellRows = FXCollections.observableArrayList();
    private final ObservableList<Integer> misclassified = FXCollections.observableArrayList();
    private Snapshot snapshot;
    private int chosenTruth = -1;
    private int chosenPredicted = -1;

    // Properties

    /** @return {@code counts[true class][predicted class]}; 0 × 0 when the data set has no classes */
    public ReadOnlyObjectProperty<int[][]> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** @return the class names: the target columns, or "0" and "1" for a single 0/1 target */
    public ReadOnlyObjectProperty<List<String>> classNamesProperty() {
        return classNames.getReadOnlyProperty();
    }

    /** @return true if the targets are classes (every target 0 or 1) */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** @return true when the matrix counts the test rows, false for the training rows */
    public ReadOnlyBooleanProperty testProperty() {
        return test.getReadOnlyProperty();
    }

    /** @return increases every time the counts or the class names are replaced */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** @return what the chosen cell holds, e.g. "true virginica, predicted versicolor: 2 samples", or empty */
    public ReadOnlyStringProperty cellTextProperty() {
        return cellText.getReadOnlyProperty();
    }

    /** @return the data-set rows of the chosen cell, ascending */
    public ObservableList<Integer> cellRows() {
        return cellRows;
    }

    /** @return the data-set rows (of the rows counted now) whose predicted class is not the true one, ascending */
    public ObservableList<Integer> misclassified() {
        return misclassified;
    }

    /**
     * @return how the network sees data-set row {@code r}, e.g. {@code "3 #317 → 7 (0.62); true 3: 0.21"}: the
     *         predicted class with its probability, and the true class's
     */
    public String describe(int r) {
        if (snapshot == null || snapshot.evaluation() == null || classNamesProperty().get().isEmpty()) {
            return "";
        }
        double[] yHat = snapshot.evaluation().output().getRow(r);
        double[] y = snapshot.evaluation().targets().getRow(r);
        int p = Accuracy.predicted(yHat);
        int t = Accuracy.truth(y);
        List<String> names = classNames.get();
        return label(r) + " → " + names.get(p) + " (" + org.backproplab.text.NumberText.format(probability(yHat, p))
                + "); true " + names.get(t) + ": " + org.backproplab.text.NumberText.format(probability(yHat, t));
    }

    /** @return the output of class {@code k}: {@code ŷ_k}, or for one output {@code ŷ} (class 1) and {@code 1 − ŷ} */
    private static double probability(double[] yHat, int k) {
        return yHat.length == 1 ? (k == 1 ? yHat[0] : 1 - yHat[0]) : yHat[k];
    }

    /** @return the label of data-set row {@code r} */
    public String label(int r) {
        return snapshot == null ? "" : snapshot.scenario().dataset().label(r);
    }

    // Commands

    /** Follows a new snapshot: the counts, and the chosen cell's rows, recomputed. */
    public void update(Snapshot s) {
        if (s == null) {
            return;
        }
        snapshot = s;
        Dataset d = s.scenario().dataset();
        IterationTrace eval = s.evaluation();
        boolean classes = s.scores().isClassification() && eval != null && eval.output() != null;
        available.set(classes);
        if (!classes) {
            counts.set(new int[0][0]);
            classNames.set(List.of());
            chosenTruth = -1;
            cellText.set("");
            cellRows.clear();
            misclassified.clear();
            version.set(version.get() + 1);
            return;
        }
        if (test.get() && s.testRows().length == 0) {
            test.set(false);
        }
        List<String> names = d.targetSize() == 1 ? List.of("0", "1") : d.targetNames();
        if (!names.equals(classNames.get())) {
            classNames.set(names);
            chosenTruth = -1;
        }
        double[][] out = eval.output().getData();
        double[][] y = eval.targets().getData();
        counts.set(Accuracy.confusion(out, y, rows(s)));
        List<Integer> wrong = new ArrayList<>();
        for (int r : rows(s)) {
            if (Accuracy.predicted(out[r]) != Accuracy.truth(y[r])) {
                wrong.add(r);
            }
        }
        if (!wrong.equals(misclassified)) {
            misclassified.setAll(wrong);
        }
        version.set(version.get() + 1);
        refreshCell();
    }

    /** Counts the held-out test rows ({@code true}) or the training rows. */
    public void showTest(boolean testRows) {
        test.set(testRows && snapshot != null && snapshot.testRows().length > 0);
        update(snapshot);
    }

    /** Chooses cell {@code (truth, predicted)}: its rows are listed. */
    public void choose(int truth, int predicted) {
        chosenTruth = truth;
        chosenPredicted = predicted;
        refreshCell();
    }

    /** The rows counted now: the test rows, or the others. */
    private int[] rows(Snapshot s) {
        int[] t = s.testRows();
        if (test.get()) {
            return t;
        }
        return org.backproplab.data.StratifiedSplit.trainRows(s.scenario().dataset().size(), t);
    }

    private void refreshCell() {
        int k = classNames.get().size();
        if (snapshot == null || chosenTruth < 0 || chosenTruth >= k || chosenPredicted < 0 || chosenPredicted >= k) {
            cellText.set("");
            cellRows.clear();
            return;
        }
        IterationTrace eval = snapshot.evaluation();
        double[][] out = eval.output().getData();
        double[][] y = eval.targets().getData();
        List<Integer> found = new ArrayList<>();
        for (int r : rows(snapshot)) {
            if (Accuracy.truth(y[r]) == chosenTruth && Accuracy.predicted(out[r]) == chosenPredicted) {
                found.add(r);
            }
        }
        if (!found.equals(cellRows)) {
            cellRows.setAll(found);
        }
        List<String> names = classNames.get();
        cellText.set("true " + names.get(chosenTruth) + ", predicted " + names.get(chosenPredicted) + ": "
                + found.size() + (found.size() == 1 ? " sample" : " samples") + (test.get() ? " (test rows)" : ""));
    }
}
