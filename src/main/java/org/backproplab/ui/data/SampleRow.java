package org.backproplab.ui.data;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One sample as the data table shows it: label, inputs {@code x}, targets {@code y}, predictions
 * {@code ŷ} and its loss. The properties are updated in place when a new snapshot arrives, so that a row
 * keeps its selection and a cell being edited is not replaced.
 */
public final class SampleRow {
    private final int index;
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final DoubleProperty[] inputs;
    private final DoubleProperty[] targets;
    private final DoubleProperty[] predictions;
    /** All of {@link #inputs} as one vector (for the picture of an image's inputs): replaced when one changes. */
    private final ObjectProperty<double[]> inputVector = new SimpleObjectProperty<>(this, "inputVector");
    private final DoubleProperty loss = new SimpleDoubleProperty(this, "loss", Double.NaN);
    private final StringProperty predictedClass = new SimpleStringProperty(this, "predictedClass", "");
    private final BooleanProperty inBatch = new SimpleBooleanProperty(this, "inBatch", false);
    private final BooleanProperty inTest = new SimpleBooleanProperty(this, "inTest", false);

    SampleRow(int index, int inputCount, int targetCount) {
        this.index = index;
        inputs = properties(inputCount);
        targets = properties(targetCount);
        predictions = properties(targetCount);
    }

    private DoubleProperty[] properties(int n) {
        DoubleProperty[] p = new DoubleProperty[n];
        for (int i = 0; i < n; i++) {
            p[i] = new SimpleDoubleProperty(this, "value", Double.NaN);
        }
        return p;
    }

    /** @return the row of the data set, from 0 */
    public int index() {
        return index;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** @return input {@code x_column} */
    public DoubleProperty input(int column) {
        return inputs[column];
    }

    /**
     * @return the inputs {@code x} as one array, replaced by a new one whenever an input changes (never changed in
     *         place)
     */
    public ObjectProperty<double[]> inputVectorProperty() {
        return inputVector;
    }

    /** @return target {@code y_column} */
    public DoubleProperty target(int column) {
        return targets[column];
    }

    /** @return prediction {@code ŷ_column} with the weights now */
    public DoubleProperty prediction(int column) {
        return predictions[column];
    }

    /**
     * @return the class the network predicts (the largest {@code ŷ}), named by its target column, with " ✗" when
     *         it is not the target's class; empty for a data set with one target column
     */
    public StringProperty predictedClassProperty() {
        return predictedClass;
    }

    /** @return this sample's loss {@code Σ_outputs ℓ(ŷ, y)} with the weights now */
    public DoubleProperty lossProperty() {
        return loss;
    }

    /** @return true if the sample is in the batch of the iteration being stepped (or the next one) */
    public BooleanProperty inBatchProperty() {
        return inBatch;
    }

    /** @return true if the sample is held out as a test row (evaluated, never trained on) */
    public BooleanProperty inTestProperty() {
        return inTest;
    }
}
