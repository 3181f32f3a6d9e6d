package org.backproplab.engine.exercise;

/** Which numbers of a phase an exercise asks for. */
public enum Scope {
    /** The selected neuron's numbers (in Update: the weights into it). */
    NEURON("Selected neuron"),
    /** Every neuron of the phase's layer (in Update: the selected neuron's layer). */
    LAYER("Layer"),
    /** Every number the phase computes (in Update: every weight of the network). */
    PHASE("Whole phase");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
