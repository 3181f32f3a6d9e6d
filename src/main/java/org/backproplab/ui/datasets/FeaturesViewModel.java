package org.backproplab.ui.datasets;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.data.Dataset;
import org.backproplab.data.InputFeature;
import org.backproplab.data.Scenarios;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;

/**
 * Data → Input features: which derived inputs ({@code x1², x2², x1·x2, sin x1, sin x2}) the data set on show has,
 * named over its two inputs' names, and the command that turns one on or off. A change is a new input layer, so,
 * like an architecture edit, the session starts over from the seed and keeps the one on show for Back.
 */
public final class FeaturesViewModel {
    private final SessionBridge bridge;

    // Properties
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final Map<InputFeature, ReadOnlyBooleanWrapper> on = new EnumMap<>(InputFeature.class);
    private final Map<InputFeature, ReadOnlyStringWrapper> names = new EnumMap<>(InputFeature.class);

    public FeaturesViewModel(SessionBridge bridge) {
        this.bridge = bridge;
        for (InputFeature f : InputFeature.values()) {
            on.put(f, new ReadOnlyBooleanWrapper(this, f.id(), false));
            names.put(f, new ReadOnlyStringWrapper(this, f.id() + "Name", f.formula()));
        }
        bridge.snapshotProperty().addListener((o, was, is) -> update(is));
        update(bridge.snapshot());
    }

    /** @return true if the data set on show has two inputs, so it takes derived inputs */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** @return one line above the items: what they do, or why there are none for this data set */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** @return true while the data set on show has feature {@code f} */
    public ReadOnlyBooleanProperty onProperty(InputFeature f) {
        return on.get(f).getReadOnlyProperty();
    }

    /** @return the formula of {@code f} over the data set's two input names, e.g. {@code x1²} or {@code weight²} */
    public ReadOnlyStringProperty nameProperty(InputFeature f) {
        return names.get(f).getReadOnlyProperty();
    }

    private void update(Snapshot s) {
        if (s == null) {
            return;
        }
        Dataset d = s.scenario().dataset();
        int[] xy = d.featureBase();
        available.set(xy.length == 2);
        String n1 = xy.length == 2 ? d.inputNames().get(xy[0]) : "x1";
        String n2 = xy.length == 2 ? d.inputNames().get(xy[1]) : "x2";
        note.set(xy.length == 2 ? "Derived inputs of " + n1 + " and " + n2 + " (a new input layer):"
                : "Only for data sets with two inputs: this one has " + d.inputSize());
        for (InputFeature f : InputFeature.values()) {
            on.get(f).set(d.features().contains(f));
            names.get(f).set(f.formula(n1, n2));
        }
    }

    // Commands

    /**
     * Turns derived input {@code f} on or off on the data set the session has when the command runs: a new first
     * weight matrix from the seed; Back brings the network on show back, trained as it was.
     */
    public void set(InputFeature f, boolean wanted) {
        String name = names.get(f).get();
        String what = "the derived input " + name + (wanted ? " added" : " removed");
        bridge.session().reshape(now -> {
            List<InputFeature> list = new ArrayList<>(now.dataset().features());
            list.remove(f);
            if (wanted) {
                list.add(f);
            }
            return Scenarios.withFeatures(now, list);
        }, what);
    }
}
