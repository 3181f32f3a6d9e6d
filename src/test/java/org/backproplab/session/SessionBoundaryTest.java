package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The boundary between the window and the worker: immutable snapshots, failures reported, futures that complete. */
class SessionBoundaryTest {
    private TrainingSession session;

    private Snapshot sync() throws Exception {
        return session.sync().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aPublishedSnapshotCannotBeChanged() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepPhase();
        session.stepPhase();
        Snapshot s = sync();
        double w = s.network().layer(1).weight(0, 0);
        assertThrows(UnsupportedOperationException.class, () -> s.network().layer(1).weights().setEntry(0, 0, 99));
        assertThrows(UnsupportedOperationException.class, () -> s.network().layer(1).weights().addToEntry(0, 0, 1));
        assertThrows(UnsupportedOperationException.class, () -> s.network().layer(1).weights().setRow(0, new double[4]));
        assertThrows(UnsupportedOperationException.class, () -> s.network().copyParametersFrom(s.network().copy()));
        if (s.network().layer(1).hasBias()) {
            assertThrows(RuntimeException.class, () -> s.network().layer(1).bias().setEntry(0, 5));
        }
        s.network().layer(1).weights().getData()[0][0] = 42; // a copy
        assertThrows(UnsupportedOperationException.class, () -> s.trace().activations().get(1).setEntry(0, 0, 3));
        assertThrows(UnsupportedOperationException.class, () -> s.evaluation().output().setEntry(0, 0, 3));
        assertThrows(UnsupportedOperationException.class, () -> s.preview().weightGradients().get(1).setEntry(0, 0, 3));
        assertThrows(UnsupportedOperationException.class, () -> s.trace().activations().set(1, null));
        s.testRows(); // a copy each time
        s.evaluation().samples()[0] = 3;
        assertEquals(0, s.evaluation().samples()[0]);
        assertEquals(w, s.network().layer(1).weight(0, 0), 0.0);
        assertEquals(w, sync().network().layer(1).weight(0, 0), 0.0, "the session did not change either");
    }

    @Test
    void aFailingCommandIsReportedAndTheSessionStaysUsable() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(20);
        Snapshot before = sync();
        session.submit(() -> {
            throw new NullPointerException("injected");
        });
        Snapshot failed = sync();
        assertEquals(before.failureNumber() + 1, failed.failureNumber());
        assertTrue(failed.failure().contains("injected"), failed.failure());
        assertEquals(20, failed.iteration());
        assertTrue(failed.network().sameAs(before.network()));
        session.step();
        assertEquals(21, sync().iteration(), "the worker goes on taking commands");

        session.submit(() -> {
            throw new StackOverflowError("injected error");
        });
        Snapshot again = sync();
        assertTrue(again.failure().contains("StackOverflowError"), again.failure());
        assertEquals(21, again.iteration());
    }

    @Test
    void aFailureHalfwayThroughACommandLeavesTheRunConsistent() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(10);
        Snapshot before = sync();
        session.submit(() -> {
            session.core().trainer.stepPhase(); // half an iteration done, then the command breaks
            throw new ArithmeticException("broken on purpose");
        });
        Snapshot s = sync();
        assertEquals(10, s.iteration());
        assertEquals(before.phaseIndex(), s.phaseIndex());
    }

    @Test
    void aQueryThatFailsCompletesExceptionallyAndFuturesEndWhenTheSessionCloses() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        ExecutionException e = assertThrows(ExecutionException.class, () -> session.trainerAt(5).get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("5"), e.getCause().getMessage());
        session.stepMany(Long.MAX_VALUE / 2); // keeps the worker busy until closed
        var pending = session.sync();
        session.close();
        assertThrows(ExecutionException.class, () -> pending.get(30, TimeUnit.SECONDS));
        session = null;
    }

    @Test
    void divergenceLandsWhereALowerLearningRateCanStillRescueTheRun() throws Exception {
        Scenario s = SessionFixtures.xor();
        session = new TrainingSession(s.withLayers(List.of(new LayerSpec(4, Activation.LINEAR, false),
                new LayerSpec(1, Activation.LINEAR, false))).withConfig(s.config().withLearningRate(50)));
        session.stepMany(5000);
        Snapshot d = sync();
        assertTrue(d.diverged());
        session.backToFinite();
        Snapshot ok = sync();
        assertFalse(ok.diverged());
        double[] losses = session.lossHistory().get(30, TimeUnit.SECONDS).losses();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= ok.iteration(); i++) {
            min = Math.min(min, losses[i]);
        }
        assertTrue(ok.loss() <= 10 * min, "loss " + ok.loss() + " within 10x of the lowest so far " + min);
        double biggest = 0;
        for (int l = 1; l <= ok.network().depth(); l++) {
            for (double[] row : ok.network().layer(l).weights().getData()) {
                for (double v : row) {
                    biggest = Math.max(biggest, Math.abs(v));
                }
            }
        }
        assertTrue(biggest < 1e6, "weights of normal size, not ~1e37: " + biggest);
        assertTrue(ok.message().contains("iteration " + ok.iteration()), ok.message());
        assertEquals(d.historyEnd(), ok.historyEnd(), "the diverged iterations are kept to look at");

        session.setLearningRate(0.01);
        session.stepMany(200);
        Snapshot rescued = sync();
        assertFalse(rescued.diverged());
        assertTrue(rescued.loss() <= ok.loss(), rescued.loss() + " vs " + ok.loss());
    }

    @Test
    void runningFastOnPerSampleDataEvaluatesTheWholeSetOncePerEpoch() throws Exception {
        session = new TrainingSession(SessionFixtures.perSample());
        assertEquals(1, sync().lossCadence(), "stepping: every iteration");
        session.run();
        Snapshot s = session.sync().get(30, TimeUnit.SECONDS);
        int rows = s.scenario().dataset().size();
        assertEquals(rows, s.lossCadence(), "per sample, running at full speed: once per epoch");
        session.pause();
        Snapshot p = sync();
        assertEquals(1, p.lossCadence());
        double[] losses = session.lossHistory().get(30, TimeUnit.SECONDS).losses();
        for (int i = 0; i < losses.length; i++) {
            assertEquals(i % rows == 0, !Double.isNaN(losses[i]), "iteration " + i);
        }
    }
}
