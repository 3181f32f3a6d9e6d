package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/** {@code train --json} ends with the loss's two terms, data loss and penalty, when a penalty is on. */
class PenaltyJsonCliTest {
    @Test
    void dataLossAndPenaltyAreTheEnginesAndAddUpToTheLoss() throws Exception {
        JsonNode o = new ObjectMapper().readTree(BackpropLabCliTest.run("train", "--preset", "gender", "--iterations",
                "300", "--l2", "0.01", "--json").out());
        Scenario s = Presets.get("gender");
        Trainer t = s.withConfig(s.config().withRegularization(Regularization.l2(0.01))).createTrainer();
        t.train(300);
        assertEquals(Regularization.l2(0.01).penalty(t.network()), o.get("penalty").doubleValue(), 0.0);
        assertEquals(o.get("loss").doubleValue(), o.get("dataLoss").doubleValue() + o.get("penalty").doubleValue(), 0.0);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("dataLoss", "penalty"), names.subList(names.size() - 2, names.size()), "at the end");
    }

    @Test
    void withoutAPenaltyTheyAreNotPrinted() throws Exception {
        JsonNode o = new ObjectMapper().readTree(BackpropLabCliTest.run("train", "--preset", "gender", "--iterations",
                "30", "--json").out());
        assertFalse(o.has("dataLoss") || o.has("penalty"));
    }
}
