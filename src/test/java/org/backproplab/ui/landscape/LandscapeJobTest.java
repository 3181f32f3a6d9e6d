package org.backproplab.ui.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.LossLandscape;
import org.backproplab.engine.Network;
import org.backproplab.engine.Progress;
import org.backproplab.session.RunReplay;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;

/** The job publishes coarse to fine, each grid the engine's losses, the path ending at the centre. */
class LandscapeJobTest {
    @Test
    void gridsComeCoarseToFineAndHoldTheEngineLossesAndThePath() throws Exception {
        try (TrainingSession session = new TrainingSession(Presets.xor())) {
            session.setLearningRate(10);
            session.stepMany(150);
            Snapshot shown = session.sync().get(30, TimeUnit.SECONDS);
            RunReplay replay = session.replay().get(30, TimeUnit.SECONDS);
            Network net = shown.network();
            LandscapeSettings s = LandscapeSettings.defaults(net).withRandom(true).withRange(0.75);
            List<Landscape> shownInOrder = new ArrayList<>();
            LandscapeJob.run(replay, s, Progress.NONE, shownInOrder::add);
            int[] sides = shownInOrder.stream().mapToInt(Landscape::side).toArray();
            assertArrayEquals(new int[] {9, 9, 17, 33, 65}, sides, "xor is small: every grid fits the budget");
            assertFalse(shownInOrder.get(0).hasPath(), "the coarse grid comes before the path");
            Landscape last = shownInOrder.get(shownInOrder.size() - 1);
            assertTrue(last.finished());
            assertEquals(1, shownInOrder.stream().filter(Landscape::finished).count());
            double[][] d = LossLandscape.filterNormalised(net, s.seed());
            LossLandscape engine = new LossLandscape(replay.current(), d[0], d[1]);
            for (Landscape l : shownInOrder) {
                for (int i = 0; i < l.side(); i += 4) {
                    for (int j = 0; j < l.side(); j += 3) {
                        assertEquals(Double.doubleToLongBits(engine.loss(l.alpha(i), l.alpha(j))),
                                Double.doubleToLongBits(l.loss()[i][j]), l.side() + "×" + l.side() + " at " + i + "," + j);
                    }
                }
                assertEquals(Double.doubleToLongBits(shown.loss()), Double.doubleToLongBits(l.centre()));
            }
            int end = last.pathAlpha().length - 1;
            assertEquals(150, last.pathIterations()[end]);
            assertEquals(0.0, last.pathAlpha()[end]);
            assertEquals(0.0, last.pathBeta()[end]);
            assertEquals(0, last.pathIterations()[0]);
        }
    }

    @Test
    void aFinerGridIsComputedOnlyWithinTheBudget() {
        long perPointNanos = 1_000_000; // 1 ms a loss
        assertTrue(LandscapeJob.fits(9 * 9 * perPointNanos, 9, 33), "33 × 33 at 1 ms: 1.09 s");
        assertFalse(LandscapeJob.fits(9 * 9 * perPointNanos, 9, 65), "65 × 65 at 1 ms: 4.2 s");
    }
}
