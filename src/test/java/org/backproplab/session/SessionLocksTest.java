package org.backproplab.session;

import static org.backproplab.session.OpenSessions.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A lesson's locks: a locked command is refused with a message and changes nothing; the others still run. */
class SessionLocksTest {

    @Test
    void lockedCommandsAreRefusedAndChangeNothing() throws Exception {
        try (TrainingSession s = new TrainingSession(SessionFixtures.xor())) {
            s.setLocks(EnumSet.of(Lock.TRAINING, Lock.WEIGHTS, Lock.RUN, Lock.RESET, Lock.LOAD, Lock.ARCHITECTURE));
            s.step();
            Snapshot before = sync(s);
            assertEquals(1, before.iteration());
            double eta = before.scenario().config().learningRate();
            double w = before.network().layer(1).weights().getEntry(0, 0);

            s.setLearningRate(eta * 2);
            assertEquals("This lesson locks the training settings.", sync(s).message());
            s.setWeight(1, 0, 0, 5.0);
            assertEquals("This lesson locks editing weights and biases.", sync(s).message());
            s.run();
            Snapshot ran = sync(s);
            assertFalse(ran.running());
            assertTrue(ran.message().startsWith("This lesson locks running training"), ran.message());
            s.toggleRun();
            assertFalse(sync(s).running());
            s.reset();
            s.load(SessionFixtures.perSample());
            s.reshape(x -> x, "nothing");
            s.startVariant(0, java.util.List.of(Setting.LEARNING_RATE.parse("0.25")));
            assertEquals("This lesson locks the training settings.", sync(s).message());
            s.trainAllTo(50);
            assertTrue(sync(s).message().startsWith("This lesson locks running training"), sync(s).message());
            Snapshot after = sync(s);
            assertEquals(before.runs().size(), after.runs().size(), "no variant started");

            assertEquals("xor", after.scenario().name());
            assertEquals(1, after.iteration());
            assertEquals(eta, after.scenario().config().learningRate());
            assertEquals(w, after.network().layer(1).weights().getEntry(0, 0));
            assertEquals(before.changes(), after.changes(), "nothing changed");
            // stepping is not locked
            s.stepPhase();
            assertEquals(1, sync(s).phaseIndex());
        }
    }

    @Test
    void aLockedArchitectureRefusesAVariantOfAnotherActivationButNotOneOfAnotherEta() throws Exception {
        try (TrainingSession s = new TrainingSession(SessionFixtures.xor())) {
            s.setLocks(EnumSet.of(Lock.ARCHITECTURE));
            s.startVariant(0, java.util.List.of(), org.backproplab.engine.Activation.RELU);
            Snapshot refused = sync(s);
            assertTrue(refused.message().startsWith("This lesson locks the architecture"), refused.message());
            assertEquals(1, refused.runs().size());
            s.startVariant(0, java.util.List.of(Setting.LEARNING_RATE.parse("0.25")));
            assertEquals(2, sync(s).runs().size(), "η is a training setting, not locked here");
        }
    }

    @Test
    void unlockingLetsCommandsRunAgain() throws Exception {
        try (TrainingSession s = new TrainingSession(SessionFixtures.xor())) {
            s.setLocks(EnumSet.of(Lock.TRAINING));
            s.setLearningRate(0.25);
            s.setLocks(Set.of());
            assertEquals(1.0, sync(s).scenario().config().learningRate());
            s.setLearningRate(0.25);
            assertEquals(0.25, sync(s).scenario().config().learningRate());
        }
    }
}
