package org.backproplab.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Phase;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.UiState.EdgeRef;

/**
 * The derivation panel's derivation of one phase for one sample and one edge, as text: what an exercise shows as
 * the worked solution of a number, with the same formulas and the same engine numbers as the inspector.
 */
public final class WorkedSolution {
    private WorkedSolution() {
    }

    /**
     * @param s      a snapshot whose trace has run {@code phase}
     * @param sample the data-set row of the sample
     * @param edge   the weight followed (its target neuron, and its source below)
     * @return the title, then the lines of the derivation
     */
    public static List<String> of(Snapshot s, int sample, EdgeRef edge, Phase phase) {
        IterationTrace t = s.trace();
        TrainingConfig c = s.scenario().config();
        Formulas f = new Formulas(s.network(), s.scenario().dataset(), t, c, sample, edge);
        List<String> out = new ArrayList<>();
        out.add(f.title(phase));
        for (String line : f.lines(phase)) {
            out.addAll(InspectorViewModel.breakAtEquals(line));
        }
        return out;
    }
}
