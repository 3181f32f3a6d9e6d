package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The race preset: loading it gives three runs from the same initial weights (gradient descent, momentum, Adam),
 * each of which trains as an independent trainer with its settings would.
 */
class RaceTest {
    private static final long N = 300;
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private Snapshot sync() throws Exception {
        return session.sync().get(30, TimeUnit.SECONDS);
    }

    /** @return the losses before each of {@code n} updates of the spiral with {@code o} and η, and after the last */
    private static double[] truth(Optimizer o, double eta, long n) {
        Scenario s = Presets.spiralFeatures();
        Trainer t = s.withConfig(s.config().withOptimizer(o).withLearningRate(eta)).createTrainer();
        double[] y = new double[(int) n + 1];
        for (int i = 0; i < n; i++) {
            y[i] = t.datasetLoss();
            t.step();
        }
        y[(int) n] = t.datasetLoss();
        return y;
    }

    @Test
    void loadingTheRaceGivesThreeRunsFromOneInitialisationEachWithItsOptimiser() throws Exception {
        session = new TrainingSession(Presets.xor());
        session.stepMany(5);
        session.load(Presets.get("race"));
        Snapshot s = sync();
        assertEquals(List.of("Run 1 · η 0.3, gradient descent", "Run 2 · η 0.3, momentum, μ 0.9", "Run 3 · η 0.03, Adam"),
                s.runs().stream().map(RunInfo::label).toList(), s.message());
        assertTrue(s.runs().get(0).current(), "run 1 is shown");
        assertEquals(0, s.iteration());
        assertTrue(s.message().contains("Runs 2 and 3 start beside run 1 from the same weights"), s.message());

        Network start = Presets.spiralFeatures().createNetwork();
        List<Optimizer.Kind> kinds = List.of(Optimizer.Kind.SGD, Optimizer.Kind.MOMENTUM, Optimizer.Kind.ADAM);
        for (int run = 1; run <= 3; run++) {
            session.showRun(run);
            Snapshot r = sync();
            assertTrue(start.sameAs(r.network()), "run " + run + " starts from the spiral's initial weights");
            assertEquals(kinds.get(run - 1), r.scenario().config().optimizer().kind(), "run " + run);
        }
    }

    @Test
    void trainAllToRacesTheRunsEachAsAnIndependentTrainer() throws Exception {
        session = new TrainingSession(Presets.get("race"));
        session.setSpeed(TrainingSession.MAX_SPEED);
        session.trainAllTo(N);
        Snapshot s = sync();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(s.runs().stream().allMatch(r -> r.iterations() == N) && !s.running()) && System.nanoTime() < deadline) {
            s = sync();
        }
        assertEquals(List.of(N, N, N), s.runs().stream().map(RunInfo::iterations).toList(), s.message());
        double[][] truths = {truth(Optimizer.sgd(), Presets.RACE_LEARNING_RATE, N),
            truth(Optimizer.momentum(0.9), Presets.RACE_LEARNING_RATE, N),
            truth(Optimizer.of(Optimizer.Kind.ADAM), Presets.RACE_ADAM_LEARNING_RATE, N)};
        for (int run = 1; run <= 3; run++) {
            assertEquals(truths[run - 1][(int) N], s.runs().get(run - 1).loss(), 0.0, "run " + run + "'s loss at " + N);
            session.showRun(run);
            double[] losses = session.lossHistory().get(30, TimeUnit.SECONDS).losses();
            for (int k = 0; k < N; k++) {
                assertEquals(truths[run - 1][k], losses[k], 0.0, "run " + run + " at iteration " + k);
            }
        }
        double sgd = s.runs().get(0).loss();
        double momentum = s.runs().get(1).loss();
        double adam = s.runs().get(2).loss();
        assertTrue(adam < momentum && momentum < sgd, "the race: Adam ahead of momentum ahead of gradient descent, "
                + adam + " < " + momentum + " < " + sgd);
    }
}
