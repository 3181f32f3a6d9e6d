package org.backproplab.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the user is looking at, shared by the views (FX thread only): the selected sample, which numbers the
 * graph shows, the selected edge or bias, and the colour scale. Not training state: that lives in the session.
 */
public final class UiState {
    /** Which numbers the network graph writes on itself. */
    public enum Numbers {
        NONE("No numbers"), WEIGHTS("Weights"), GRADIENTS("Gradients"), EVERYTHING("Everything");

        private final String text;

        Numbers(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A weight {@code W^layer[from][to]}, or the bias {@code b^layer[to]} when {@code from == -1}. */
    public record EdgeRef(int layer, int from, int to) {
        public boolean isBias() {
            return from < 0;
        }
    }

    /** Sample index shown on the graph, or {@code -1} for the average over all samples. */
    private final IntegerProperty selectedSample = new SimpleIntegerProperty(this, "selectedSample", 0);
    private final ObjectProperty<Numbers> numbers = new SimpleObjectProperty<>(this, "numbers", Numbers.WEIGHTS);
    private final ObjectProperty<EdgeRef> selectedEdge = new SimpleObjectProperty<>(this, "selectedEdge");
    private final ObjectProperty<ColorScale> colorScale = new SimpleObjectProperty<>(this, "colorScale", ColorScale.BLUE_ORANGE);

    public IntegerProperty selectedSampleProperty() {
        return selectedSample;
    }

    public ObjectProperty<Numbers> numbersProperty() {
        return numbers;
    }

    public ObjectProperty<EdgeRef> selectedEdgeProperty() {
        return selectedEdge;
    }

    public ObjectProperty<ColorScale> colorScaleProperty() {
        return colorScale;
    }
}
