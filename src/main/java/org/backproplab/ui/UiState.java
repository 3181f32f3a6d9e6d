package org.backproplab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.backproplab.session.Snapshot;

/**
 * What the user is looking at, shared by the views (FX thread only): the selected sample, which numbers the
 * graph shows, the selected edge or bias, the selected neuron, the colour scale, the theme and the zoom. Not training state: that lives in the session.
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

        /**
         * @return the parameter's name as every panel and message writes it, 1-based: {@code W1[2,3]} (from
         *         neuron 2 of layer 0 to neuron 3 of layer 1) or {@code b2[1]}
         */
        public String name() {
            return isBias() ? "b" + layer + "[" + (to + 1) + "]" : "W" + layer + "[" + (from + 1) + "," + (to + 1) + "]";
        }

        // written out: a record's own equals and hashCode are linked at their first call, a few ms of the window's
        // first frame
        @Override
        public boolean equals(Object o) {
            return o instanceof EdgeRef e && e.layer == layer && e.from == from && e.to == to;
        }

        @Override
        public int hashCode() {
            return (layer * 31 + from) * 31 + to;
        }
    }

    /**
     * A neuron {@code a^layer[index]} (both from 0 in the index, layer 0 = inputs, 1..L = weight layers), e.g.
     * the hidden neuron whose own heatmap the decision-boundary view shows.
     */
    public record NeuronRef(int layer, int index) {
        // written out: a record's own equals and hashCode are linked at their first call, a few ms of the window's
        // first frame
        @Override
        public boolean equals(Object o) {
            return o instanceof NeuronRef n && n.layer == layer && n.index == index;
        }

        @Override
        public int hashCode() {
            return layer * 31 + index;
        }
    }

    /** The sample selected, or {@code -1} for all samples (the graph shows {@link #sampleOnShow}). */
    private final IntegerProperty selectedSample = new SimpleIntegerProperty(this, "selectedSample", 0);
    private final ObjectProperty<Numbers> numbers = new SimpleObjectProperty<>(this, "numbers", Numbers.WEIGHTS);
    private final ObjectProperty<EdgeRef> selectedEdge = new SimpleObjectProperty<>(this, "selectedEdge");
    private final ObjectProperty<ColorScale> colorScale = new SimpleObjectProperty<>(this, "colorScale", ColorScale.BLUE_ORANGE);

    private final ObjectProperty<NeuronRef> selectedNeuron = new SimpleObjectProperty<>(this, "selectedNeuron");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final BooleanProperty neuronThumbnails = new SimpleBooleanProperty(this, "neuronThumbnails", true);
    private final BooleanProperty lecture = new SimpleBooleanProperty(this, "lecture", false);
    private final DoubleProperty lectureText = new SimpleDoubleProperty(this, "lectureText", 0);
    private final ObjectProperty<HiddenNumbers> hiddenNumbers = new SimpleObjectProperty<>(this, "hiddenNumbers",
            HiddenNumbers.NONE);

    /** @return the sample selected (in the table or the View menu), or −1 for all samples */
    public IntegerProperty selectedSampleProperty() {
        return selectedSample;
    }

    /**
     * @return the sample on show in {@code s} for the selection now: the one sample the graph names and the
     *         inspector explains (see {@link SampleOnShow})
     */
    public SampleOnShow sampleOnShow(Snapshot s) {
        return SampleOnShow.of(s, selectedSample.get());
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

    /** @return the neuron picked in the graph (click or hover), or null for the network's output */
    public ObjectProperty<NeuronRef> selectedNeuronProperty() {
        return selectedNeuron;
    }

    /** @return the light or dark theme of the window, the graph and the charts */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /**
     * @return the zoom of the whole window, 1 = 100 % (presenter mode sets it, between 0.75 and 2.5); canvases
     *         scale their fonts and line widths by it
     */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /**
     * @return true if each hidden and output neuron on the graph shows a small heatmap of its own activation over
     *         the input plane (for data sets with two inputs, plus a constant)
     */
    public BooleanProperty neuronThumbnailsProperty() {
        return neuronThumbnails;
    }

    /** @return true in lecture mode: the graph and the derivation fill the window, every number large */
    public BooleanProperty lectureProperty() {
        return lecture;
    }

    /**
     * @return in lecture mode, the size in px of every number on the graph and every line of the derivation
     *         (at least 22 px, more on a larger window: see {@code ui.lecture.LectureSizes}); 0 outside it
     */
    public DoubleProperty lectureTextProperty() {
        return lectureText;
    }

    /** @return the text size of lecture mode now, or 0 outside it */
    public double lectureText() {
        return lecture.get() ? lectureText.get() : 0;
    }

    /** @return the numbers an open exercise hides from every view ({@link HiddenNumbers#NONE} when none is open) */
    public ObjectProperty<HiddenNumbers> hiddenNumbersProperty() {
        return hiddenNumbers;
    }

    /** @return the numbers hidden now */
    public HiddenNumbers hiddenNumbers() {
        HiddenNumbers h = hiddenNumbers.get();
        return h == null ? HiddenNumbers.NONE : h;
    }
}
