package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.engine.Network;
import org.backproplab.engine.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The path training took, replayed off the worker: the weights at every iteration as the history has them. */
class RunReplayTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private Network historyAt(long k) throws Exception {
        return session.trainerAt(k).get(30, TimeUnit.SECONDS).trainer().network();
    }

    @Test
    void theReplayedWeightsAreTheHistorysAndTheLastAreTheWeightsOnShow() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(300);
        session.setWeight(1, 0, 0, 2.5);
        session.stepMany(200);
        session.setLearningRate(3);
        session.stepMany(100);
        Snapshot shown = session.sync().get(30, TimeUnit.SECONDS);
        RunReplay replay = session.replay().get(30, TimeUnit.SECONDS);
        assertEquals(0, replay.start());
        assertEquals(600, replay.end());
        long[] ks = replay.iterations(40);
        assertEquals(40, ks.length);
        assertEquals(0, ks[0]);
        assertEquals(600, ks[ks.length - 1]);
        List<Network> path = replay.networksAt(ks, Progress.NONE);
        assertTrue(path.get(path.size() - 1).sameAs(shown.network()), "the path ends at the weights on show");
        for (int i = 0; i < ks.length; i += 3) {
            assertTrue(path.get(i).sameAs(historyAt(ks[i])), "iteration " + ks[i]);
        }
        long[] aroundEdits = {299, 300, 301, 500, 501};
        List<Network> edited = replay.networksAt(aroundEdits, Progress.NONE);
        for (int i = 0; i < aroundEdits.length; i++) {
            assertTrue(edited.get(i).sameAs(historyAt(aroundEdits[i])), "iteration " + aroundEdits[i]);
        }
        assertEquals(2.5, edited.get(1).layer(1).weight(0, 0), "the state after the edit, not before it");
    }

    @Test
    void afterAJumpBackThePathEndsAtTheIterationOnShow() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(700);
        session.goTo(450);
        Snapshot shown = session.sync().get(30, TimeUnit.SECONDS);
        RunReplay replay = session.replay().get(30, TimeUnit.SECONDS);
        assertEquals(450, replay.end());
        List<Network> path = replay.networksAt(replay.iterations(2), Progress.NONE);
        assertTrue(path.get(1).sameAs(shown.network()));
    }

    @Test
    void aShortRunGivesEveryIterationAndBadRequestsAreRefused() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(5);
        RunReplay replay = session.replay().get(30, TimeUnit.SECONDS);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, replay.iterations(100));
        assertThrows(IllegalArgumentException.class, () -> replay.iterations(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> replay.networksAt(new long[] {3, 2}, Progress.NONE));
        assertTrue(e.getMessage().contains("iteration 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> replay.networksAt(new long[] {6}, Progress.NONE));
    }
}
