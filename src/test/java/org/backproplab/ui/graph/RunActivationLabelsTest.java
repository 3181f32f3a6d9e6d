package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.Activation;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.UiState;
import org.backproplab.ui.graph.GraphScene.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The graph names the activations of the run on show: switching runs switches the layer headings. */
class RunActivationLabelsTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        session.close();
    }

    /** @return the line under each layer's title, input layer first */
    private List<String> headings(NetworkViewModel vm) throws Exception {
        vm.setSnapshot(session.sync().get(30, TimeUnit.SECONDS));
        return vm.scene().headers().stream().map(Header::subtitle).toList();
    }

    @Test
    void switchingRunsSwitchesTheActivationUnderEachHiddenLayer() throws Exception {
        session = new TrainingSession(Presets.xor());
        NetworkViewModel vm = new NetworkViewModel(new UiState());
        vm.setSize(1000, 620);
        session.stepMany(10);
        session.startVariant(0, List.of(), Activation.RELU);
        List<String> relu = headings(vm);
        assertEquals("ReLU", relu.get(1), "run 2 on show: " + relu);
        assertEquals("σ sigmoid", relu.get(2), "the output layer keeps sigmoid");
        session.showRun(1);
        List<String> sigmoid = headings(vm);
        assertEquals("σ sigmoid", sigmoid.get(1), "run 1 on show: " + sigmoid);
        session.showRun(2);
        assertEquals("ReLU", headings(vm).get(1));
    }
}
