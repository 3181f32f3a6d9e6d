package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.backproplab.session.RunTarget;
import org.backproplab.ui.boundary.NeuronThumbnails;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (the generated ones are linked at their first call, during the
 * window's first frame) compare as the generated ones did: by every component; a neuron maps' result is itself only.
 */
class WrittenOutEqualityTest {
    @Test
    void referencesAndTargetsAreEqualWhenEveryComponentIs() {
        assertEquals(new UiState.NeuronRef(1, 2), new UiState.NeuronRef(1, 2));
        assertEquals(new UiState.NeuronRef(1, 2).hashCode(), new UiState.NeuronRef(1, 2).hashCode());
        assertNotEquals(new UiState.NeuronRef(1, 2), new UiState.NeuronRef(2, 1));
        assertEquals(new UiState.EdgeRef(1, -1, 3), new UiState.EdgeRef(1, -1, 3));
        assertEquals(new UiState.EdgeRef(1, -1, 3).hashCode(), new UiState.EdgeRef(1, -1, 3).hashCode());
        assertNotEquals(new UiState.EdgeRef(1, 0, 3), new UiState.EdgeRef(1, 3, 0));
        assertNotEquals(new UiState.EdgeRef(1, 0, 3), new UiState.NeuronRef(1, 0));
        assertEquals(RunTarget.epochs(5), RunTarget.epochs(5));
        assertEquals(RunTarget.epochs(5).hashCode(), RunTarget.epochs(5).hashCode());
        assertNotEquals(RunTarget.epochs(5), RunTarget.iterations(5));
    }

    @Test
    void aNeuronMapsResultIsEqualToItselfOnly() {
        NeuronThumbnails.Result a = new NeuronThumbnails.Result(1, null, Map.of(), Map.of());
        assertEquals(a, a);
        assertNotEquals(a, new NeuronThumbnails.Result(1, null, Map.of(), Map.of()),
                "another computation, even of equal maps");
    }
}
