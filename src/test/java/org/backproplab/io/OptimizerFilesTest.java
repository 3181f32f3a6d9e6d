package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Network;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.OptimizerState;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every optimiser's memory is part of the session: Back, going to an iteration of the history and a saved file
 * all give back the run bit for bit, and the settings survive the file.
 */
class OptimizerFilesTest {
    private static final long END = 600;

    private static Scenario scenario(Optimizer.Kind kind) {
        Scenario s = Presets.get("gender");
        TrainingConfig c = s.config().withOptimizer(Optimizer.of(kind)).withRegularization(Regularization.l2(0.001))
                .withBatch(BatchMode.miniBatch(2)).withShuffle(true);
        return s.withConfig(c);
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Optimizer.Kind.class)
    void backScrubbingAndSaveOpenRestoreTheRunExactly(Optimizer.Kind kind) throws Exception {
        try (TrainingSession t = new TrainingSession(scenario(kind))) {
            t.stepMany(300);
            t.setWeight(1, 1, 0, -0.5);
            t.stepMany(END - 300);
            Snapshot end = get(t.sync());
            assertEquals(END, end.iteration());
            // the history rebuilds 600 from its checkpoint at 512 and the memory stored with it
            Trainer rebuilt = get(t.trainerAt(END)).trainer();
            assertTrue(rebuilt.network().sameAs(end.network()), kind + ": rebuilt from a checkpoint");
            OptimizerState memory = rebuilt.optimizerState();
            assertEquals(kind != Optimizer.Kind.SGD, !memory.isEmpty());

            t.goTo(450); // the history scrubber
            t.stepMany(END - 450);
            assertTrue(get(t.sync()).network().sameAs(end.network()), kind + ": scrubbed back and trained on");
            for (int i = 0; i < 3; i++) {
                t.back();
            }
            assertEquals(END - 3, get(t.sync()).iteration());
            t.stepMany(3);
            assertTrue(get(t.sync()).network().sameAs(end.network()), kind + ": Back and on again");

            String json = BackpropFile.of(get(t.record()).record()).toJson();
            assertTrue(json.contains("\"format\": \"" + BackpropFile.FORMAT + "\""), json.substring(0, 40));
            BackpropFile read = BackpropFile.read(json, "saved.json");
            assertEquals(json, read.toJson(), "writing what was read gives the same text");
            assertEquals(scenario(kind).config(), read.scenario().config(), "optimizer and regularization saved");
            try (TrainingSession copy = new TrainingSession(Presets.xor())) {
                get(copy.open(read.sessionOrState()));
                assertNull(get(copy.historyCheck()), "the saved losses replay bit for bit");
                Snapshot s = get(copy.sync());
                assertEquals(END, s.iteration());
                assertTrue(s.network().sameAs(end.network()));
                Trainer opened = get(copy.trainerAt(END)).trainer();
                assertTrue(opened.optimizerState().sameAs(memory), kind + ": the memory is in the file");
                copy.goTo(500);
                copy.stepMany(END - 500);
                assertTrue(get(copy.sync()).network().sameAs(end.network()), kind + ": trained on after opening");
            }
        }
    }

    @Test
    void version5WritesMomentumAsBeforeAndTheOthersAsAnOptimizerObject() throws Exception {
        Scenario s = Presets.get("gender");
        String momentum = BackpropFile.initial(s.withConfig(s.config().withMomentum(0.5))).toJson();
        assertTrue(momentum.contains("\"momentum\": 0.5"), momentum);
        assertFalse(momentum.contains("optimizer") || momentum.contains("regularization"), momentum);
        String adam = BackpropFile.initial(s.withConfig(s.config().withOptimizer(Optimizer.adam(0.8, 0.99, 1e-6))
                .withRegularization(Regularization.l1(0.25)))).toJson();
        assertTrue(adam.contains("\"optimizer\": { \"kind\": \"adam\", \"beta1\": 0.8, \"beta2\": 0.99, \"epsilon\": 1.0E-6 }"),
                adam);
        assertTrue(adam.contains("\"regularization\": { \"kind\": \"l1\", \"lambda\": 0.25 }"), adam);
        assertFalse(adam.contains("momentum"), "μ is not Adam's");
        assertEquals(Optimizer.adam(0.8, 0.99, 1e-6), BackpropFile.read(adam, "a.json").scenario().config().optimizer());
    }

    @Test
    void olderFilesAreReadAndTheNewFieldsAreRefusedInThem() throws Exception {
        Scenario s = Presets.get("gender");
        String v4 = BackpropFile.initial(s.withConfig(s.config().withMomentum(0.5))).toJson()
                .replace(BackpropFile.FORMAT, BackpropFile.FORMAT_V4);
        assertEquals(Optimizer.momentum(0.5), BackpropFile.read(v4, "old.json").scenario().config().optimizer());
        String adam = BackpropFile.initial(s.withConfig(s.config().withOptimizer(Optimizer.of(Optimizer.Kind.ADAM))))
                .toJson();
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> BackpropFile.read(adam.replace(BackpropFile.FORMAT, BackpropFile.FORMAT_V4), "old.json"));
        assertEquals("training.optimizer", e.field(), e.getMessage());
    }

    @Test
    void badSettingsAreRefusedNamingTheField() throws Exception {
        Scenario s = Presets.get("gender");
        String json = BackpropFile.initial(s.withConfig(s.config().withOptimizer(Optimizer.of(Optimizer.Kind.ADAM))
                .withRegularization(Regularization.l2(0.1)))).toJson();
        StoredStatesFileTest.refused(json, r -> ((ObjectNode) r.get("training").get("optimizer")).put("beta2", 1.0),
                "training.optimizer.beta2", "is 1.0: expected 0 ≤ β2 < 1");
        StoredStatesFileTest.refused(json, r -> ((ObjectNode) r.get("training").get("optimizer")).put("momentum", 0.9),
                "training.optimizer.momentum", "is not a parameter of Adam");
        StoredStatesFileTest.refused(json, r -> ((ObjectNode) r.get("training").get("optimizer")).put("kind", "adagrad"),
                "training.optimizer.kind", "expected one of sgd, momentum, nesterov, rmsprop, adam");
        StoredStatesFileTest.refused(json, r -> ((ObjectNode) r.get("training")).put("momentum", 0.9), "training.momentum", "both given");
        StoredStatesFileTest.refused(json, r -> ((ObjectNode) r.get("training").get("regularization")).put("lambda", -1),
                "training.regularization.lambda", "expected λ ≥ 0");
        StoredStatesFileTest.refused(json, r -> ((ObjectNode) r.get("training").get("regularization")).put("kind", "l3"),
                "training.regularization.kind", "expected none, l1 or l2");
    }
}
