package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Variant runs: branches of the runs tree that share their history up to the fork bit for bit, train on with other
 * settings on the same data order, and are refused without a trace when a value is not allowed.
 */
class VariantsTest {
    private static final long FORK = 120;
    private static final long AFTER = 200;
    private TrainingSession session;

    /** The 2-2-1 tutorial trained per sample with a shuffled order every epoch (the seed's order). */
    private static Scenario shuffled() {
        Scenario s = SessionFixtures.perSample();
        return s.withConfig(s.config().withShuffle(true));
    }

    /** XOR through linear layers: η = 50 diverges. */
    private static Scenario linearXor() {
        Scenario s = SessionFixtures.xor();
        return s.withLayers(List.of(new org.backproplab.engine.LayerSpec(4, org.backproplab.engine.Activation.LINEAR, false),
                new org.backproplab.engine.LayerSpec(1, org.backproplab.engine.Activation.LINEAR, false)))
                .withConfig(s.config().withLearningRate(0.05));
    }

    private Snapshot sync() throws Exception {
        return session.sync().get(30, TimeUnit.SECONDS);
    }

    private Network weightsAt(int run, long k) throws Exception {
        session.showRun(run);
        return session.trainerAt(k).get(30, TimeUnit.SECONDS).trainer().network();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void variantsStartedFromOnePointShareTheirHistoryUpToTheForkBitForBit() throws Exception {
        session = new TrainingSession(shuffled());
        session.stepMany(300);
        session.startVariant(FORK, List.of(Setting.LEARNING_RATE.parse("0.4")));
        session.stepMany(AFTER);
        session.showRun(1);
        session.startVariant(FORK, List.of(Setting.MOMENTUM.parse("0.9"), Setting.SEED.parse("7")));
        session.stepMany(AFTER);
        Snapshot s = sync();
        assertEquals(3, s.runs().size(), s.message());
        RunInfo eta = s.runs().get(1);
        RunInfo mu = s.runs().get(2);
        assertEquals(1, eta.parent());
        assertEquals(1, mu.parent());
        assertEquals(FORK, eta.forkedAt());
        assertEquals(FORK + AFTER, eta.iterations());
        assertEquals(FORK + AFTER, mu.iterations());

        for (long k = 0; k <= FORK; k += 1) {
            Network first = weightsAt(1, k);
            assertTrue(first.sameAs(weightsAt(2, k)), "runs 1 and 2 at iteration " + k);
            assertTrue(first.sameAs(weightsAt(3, k)), "runs 1 and 3 at iteration " + k);
        }
        assertFalse(weightsAt(1, FORK + 1).sameAs(weightsAt(2, FORK + 1)), "η differs from the first update on");
        assertFalse(weightsAt(1, 300).sameAs(weightsAt(3, 300)), "μ and the seed differ after the fork");
    }

    @Test
    void aVariantTrainsOnTheSameDataOrderAsAFreshTrainerFromTheForkWithItsSettings() throws Exception {
        session = new TrainingSession(shuffled());
        session.stepMany(300);
        session.startVariant(FORK, List.of(Setting.LEARNING_RATE.parse("0.4"), Setting.BATCH.parse("3")));
        session.stepMany(AFTER);
        Network variant = sync().network();

        Trainer fresh = shuffled().createTrainer();
        fresh.train(FORK);
        TrainerState atFork = fresh.state();
        fresh.restore(atFork);
        fresh.setConfig(atFork.config().withLearningRate(0.4).withBatch(org.backproplab.engine.BatchMode.miniBatch(3)));
        fresh.train(AFTER);
        assertTrue(variant.sameAs(fresh.network()), "the variant is the same seed's data order with η 0.4, batches of 3");

        session.showRun(1);
        session.startVariant(FORK, List.of(Setting.SEED.parse("99")));
        session.stepMany(AFTER);
        Network seeded = sync().network();
        Trainer other = shuffled().createTrainer();
        other.train(FORK);
        other.setConfig(other.config().withSeed(99));
        other.train(AFTER);
        assertTrue(seeded.sameAs(other.network()), "a seed variant keeps the weights and visits the samples in seed 99's order");
    }

    @Test
    void theRunsNameTheSettingsInWhichTheyDifferAndTheirCurvesAreTheirLosses() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(50);
        session.startVariant(0, List.of(Setting.LEARNING_RATE.parse("4")));
        session.stepMany(80);
        session.showRun(1);
        session.startVariant(0, List.of(Setting.LEARNING_RATE.parse("0.25"), Setting.MOMENTUM.parse("0.5")));
        session.stepMany(30);
        Snapshot s = sync();
        assertEquals(List.of("η 1, gradient descent", "η 4, gradient descent", "η 0.25, momentum, μ 0.5"),
                s.runs().stream().map(RunInfo::settings).toList(), "μ where it means something");
        assertEquals("Run 3 · η 0.25, momentum, μ 0.5", s.runs().get(2).label());
        assertTrue(s.runs().get(0).accuracy() >= 0 && s.runs().get(0).accuracy() <= 1, "xor has classes: an accuracy");
        assertTrue(s.runs().stream().allMatch(r -> r.trainingNanos() > 0), "each was trained for a measured time");

        assertEquals(List.of(1, 2), s.runCurves().stream().map(RunCurve::number).toList(), "the runs not on show");
        session.showRun(2);
        double[] losses2 = session.lossHistory().get(30, TimeUnit.SECONDS).losses();
        LossCurve drawn2 = s.runCurves().get(1).losses();
        assertEquals(losses2.length + 1, drawn2.points(), "every iteration and the end, at this length");
        for (int i = 0; i < losses2.length; i++) {
            assertEquals(i, drawn2.iterations()[i]);
            assertEquals(losses2[i], drawn2.losses()[i], 0.0, "run 2 at iteration " + i);
        }
        assertEquals(s.runs().get(1).loss(), drawn2.latest(), 0.0, "the curve ends at the loss the table shows");
    }

    @Test
    void aVariantWithAdamIsAFreshTrainerRestoredAtTheForkWithAdamBitForBit() throws Exception {
        session = new TrainingSession(shuffled());
        session.stepMany(300);
        session.startVariant(FORK, List.of(Setting.OPTIMIZER.parse("adam"), Setting.LEARNING_RATE.parse("0.05")));
        session.stepMany(AFTER);
        Snapshot s = sync();
        assertEquals(org.backproplab.engine.Optimizer.adam(0.9, 0.999, 1e-8), s.scenario().config().optimizer(),
                "another kind starts with its usual parameters");

        Trainer first = shuffled().createTrainer();
        first.train(FORK);
        Trainer fresh = shuffled().createTrainer();
        fresh.restore(first.state());
        fresh.setConfig(fresh.config().withOptimizer(org.backproplab.engine.Optimizer.of(
                org.backproplab.engine.Optimizer.Kind.ADAM)).withLearningRate(0.05));
        fresh.train(AFTER);
        assertTrue(s.network().sameAs(fresh.network()), "Adam from the fork, on the same data order");
        assertEquals(List.of("η 0.1, gradient descent", "η 0.05, Adam"), s.runs().stream().map(RunInfo::settings).toList());
        assertEquals("Run 2 · η 0.05, Adam", s.runs().get(1).label());
        assertTrue(s.message().contains("optimiser: gradient descent → Adam"), s.message());
    }

    @Test
    void aPenaltyVariantNamesItsLambdaAndANumberTheOptimiserHasNotIsRefused() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(40);
        session.startVariant(0, List.of(Setting.REGULARIZATION.parse("L2"), Setting.LAMBDA.parse("0.01")));
        session.stepMany(40);
        Snapshot s = sync();
        assertEquals(org.backproplab.engine.Regularization.l2(0.01), s.scenario().config().regularization());
        assertEquals(List.of("no penalty", "L2, λ 0.01"), s.runs().stream().map(RunInfo::settings).toList());
        Trainer fresh = SessionFixtures.xor().createTrainer();
        fresh.setConfig(fresh.config().withRegularization(org.backproplab.engine.Regularization.l2(0.01)));
        fresh.train(40);
        assertTrue(s.network().sameAs(fresh.network()), "L2 from the start, as a fresh trainer");

        Snapshot before = sync();
        assertEquals("'adagrad' in optimiser: expected one of sgd, momentum, nesterov, rmsprop, adam",
                assertThrows(IllegalArgumentException.class, () -> Setting.OPTIMIZER.parse("adagrad")).getMessage());
        assertEquals("'ridge' in regularisation: expected one of none, l1, l2",
                assertThrows(IllegalArgumentException.class, () -> Setting.REGULARIZATION.parse("ridge")).getMessage());
        session.startVariant(10, List.of(Setting.OPTIMIZER.parse("adam"), Setting.MOMENTUM.parse("0.5")));
        assertEquals("'0.5' in momentum μ: Adam has no μ; expected 0, or the optimiser momentum or nesterov",
                sync().message());
        session.startVariant(10, List.of(Setting.REGULARIZATION.parse("none"), Setting.LAMBDA.parse("0.1")));
        assertEquals("'0.1' in regularisation strength λ: there is no penalty; expected 0, or the regularisation l1 "
                + "or l2", sync().message());
        Snapshot after = sync();
        assertEquals(before.runs().size(), after.runs().size());
        assertEquals(before.changes(), after.changes(), "nothing a file would hold changed");
        assertTrue(before.network().sameAs(after.network()));
    }

    @Test
    void aRunThatDivergesIsShownAsDiverged() throws Exception {
        session = new TrainingSession(linearXor());
        session.stepMany(20);
        session.startVariant(0, List.of(Setting.LEARNING_RATE.parse("50")));
        session.stepMany(5000);
        session.showRun(1);
        Snapshot s = sync();
        RunInfo wild = s.runs().get(1);
        assertTrue(wild.diverged(), wild.toString());
        assertEquals("Run 2 · η 50 · diverged", wild.label());
        assertFalse(s.runs().get(0).diverged());
        LossCurve c = s.runCurves().get(0).losses();
        assertTrue(Double.isInfinite(c.losses()[c.points() - 1]), "its curve ends in an infinite loss (drawn as a gap)");
    }

    @Test
    void trainAllToBringsEveryRunToTheSameIterationAndShowsTheRunOnShowAgain() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(100);
        session.startVariant(0, List.of(Setting.LEARNING_RATE.parse("4")));
        session.stepMany(10);
        session.showRun(1);
        session.startVariant(50, List.of(Setting.MOMENTUM.parse("0.9")));
        session.setSpeed(TrainingSession.MAX_SPEED);
        session.trainAllTo(300);
        Snapshot s = sync();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(s.runs().stream().allMatch(r -> r.iterations() == 300) && !s.running()) && System.nanoTime() < deadline) {
            s = session.sync().get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of(300L, 300L, 300L), s.runs().stream().map(RunInfo::iterations).toList(), s.message());
        assertTrue(s.runs().get(2).current(), "the run on show before is shown again");
        assertTrue(s.message().startsWith("Every run has been trained to iteration 300"), s.message());
        Trainer fresh = SessionFixtures.xor().createTrainer();
        fresh.train(300);
        assertTrue(weightsAt(1, 300).sameAs(fresh.network()), "run 1 trained on exactly as a fresh trainer");
        assertFalse(weightsAt(2, 300).sameAs(fresh.network()), "run 2 with its own η");
    }

    @Test
    void variantsAreSavedAndOpenedAsRunsOfTheSession() throws Exception {
        session = new TrainingSession(shuffled());
        session.stepMany(300);
        session.startVariant(FORK, List.of(Setting.BATCH.parse("2"), Setting.SEED.parse("3")));
        session.stepMany(AFTER);
        Snapshot saved = sync();
        SessionRecord record = session.record().get(30, TimeUnit.SECONDS).record();
        try (TrainingSession reopened = new TrainingSession(shuffled())) {
            reopened.open(record).get(60, TimeUnit.SECONDS);
            Snapshot s = reopened.sync().get(30, TimeUnit.SECONDS);
            assertEquals(saved.runs().stream().map(RunInfo::label).toList(), s.runs().stream().map(RunInfo::label).toList());
            assertEquals(List.of("batch sample, seed 1", "batch 2, seed 3"), s.runs().stream().map(RunInfo::settings).toList());
            assertTrue(saved.network().sameAs(s.network()), "the variant is opened as it was saved");
            assertEquals(null, reopened.historyCheck().get(60, TimeUnit.SECONDS), "and replays bit for bit");
        }
    }

    @Test
    void theTableMeasuresARunAgainAfterAnEditWasUndoneAndAnotherMade() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(30);
        session.startVariant(0, List.of(Setting.LEARNING_RATE.parse("4")));
        session.stepMany(30);
        session.setWeight(1, 0, 0, 5.0);
        session.showRun(1);
        double withA = sync().runs().get(1).loss();
        session.showRun(2);
        session.back(); // undoes W1[1,1] = 5
        session.setWeight(1, 0, 0, -5.0);
        double withB = sync().loss();
        assertTrue(withA != withB, "the two edits give two losses");
        session.showRun(1);
        assertEquals(withB, sync().runs().get(1).loss(), 0.0, "run 2 as it is now, not as it was with the undone edit");
    }

    @Test
    void aRefusedVariantLeavesTheSessionAsItWasAndSaysWhy() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(40);
        Snapshot before = sync();

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Setting.MOMENTUM.parse("2"));
        assertEquals("'2' in momentum μ: expected a number from 0 up to (not including) 1, such as 0.9", bad.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Setting.BATCH.parse("half")).getMessage()
                .startsWith("'half' in batch mode: expected full, sample"));

        session.startVariant(41, List.of(Setting.LEARNING_RATE.parse("2")));
        Snapshot outside = sync();
        assertEquals("iteration 41 in Start from: expected 0 to 40 (run 1)", outside.message());
        session.startVariant(10, List.of(Setting.LEARNING_RATE.parse("1")));
        assertTrue(sync().message().startsWith("The variant's settings are those of run 1 at iteration 10"), sync().message());
        session.startVariant(10, List.of(Setting.SEED.parse("5")));
        assertTrue(sync().message().startsWith("seed 5 in shuffle seed: the seed only orders"), sync().message());

        Snapshot after = sync();
        assertEquals(1, after.runs().size());
        assertEquals(before.iteration(), after.iteration());
        assertEquals(before.historyEnd(), after.historyEnd());
        assertEquals(before.changes(), after.changes(), "nothing a file would hold changed");
        assertTrue(before.network().sameAs(after.network()));
    }

    @Test
    void backRightAfterAVariantGoesBackToTheRunItCameFrom() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(40);
        session.startVariant(40, List.of(Setting.LEARNING_RATE.parse("3")));
        Snapshot variant = sync();
        assertEquals(2, variant.runs().size(), "a variant at the end of a run is a new run too");
        assertEquals(3.0, variant.scenario().config().learningRate());
        session.back();
        Snapshot back = sync();
        assertEquals(1, back.runs().size());
        assertEquals(1.0, back.scenario().config().learningRate());
    }
    /** A variant from an earlier iteration leaves the run it came from where it was shown (its end), not at the fork. */
    @Test
    void aVariantFromAnEarlierIterationLeavesItsParentWhereItWasShown() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(40);
        session.startVariant(0, List.of(Setting.LEARNING_RATE.parse("3")));
        session.stepMany(10);
        assertEquals(10, sync().iteration(), "the variant trains from iteration 0");
        session.showRun(1);
        assertEquals(40, sync().iteration(), "run 1 is shown at its end, where it was left");

        session.startVariant(0, List.of(Setting.LEARNING_RATE.parse("2")));
        session.back();
        Snapshot back = sync();
        assertEquals(2, back.runs().size(), "Back undid the variant");
        assertEquals(40, back.iteration(), "and shows run 1 where it was, not at the fork");
    }
}
