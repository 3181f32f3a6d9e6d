package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Variants with another hidden activation: the same weights go on under another {@code f}; each run keeps its own
 * activations wherever it is shown, trains as a fresh trainer with them would, and Back, switching and the
 * architecture follow the run on show.
 */
class ActivationVariantsTest {
    private static final long N = 60;
    private TrainingSession session;

    /** The 2-2-1 tutorial (sigmoid) trained per sample with a shuffled order every epoch (the seed's order). */
    private static Scenario shuffled() {
        Scenario s = SessionFixtures.perSample();
        return s.withConfig(s.config().withShuffle(true));
    }

    /** A fresh engine trainer on {@code s}'s initial weights with {@code f} on every hidden layer. */
    private static Trainer fresh(Scenario s, Activation f) {
        Network n = s.createNetwork();
        Trainer t = new Trainer(n.withActivations(n.withHidden(f)), s.dataset().inputs(), s.dataset().targets(), s.config());
        if (s.testRows().length > 0) {
            t.setTestRows(s.testRows());
        }
        return t;
    }

    private Snapshot sync() throws Exception {
        return session.sync().get(30, TimeUnit.SECONDS);
    }

    /** @return the samples iteration {@code k + 1} of the run on show visits */
    private int[] batchAfter(long k) throws Exception {
        return session.trainerAt(k).get(30, TimeUnit.SECONDS).trainer().preview().samples();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aSigmoidRunAndAReluVariantFromTheStartTrainOnOneOrderEachAsAFreshTrainerWithItsActivation() throws Exception {
        Scenario s = shuffled();
        session = new TrainingSession(s);
        session.stepMany(N);
        session.startVariant(0, List.of(), Activation.RELU);
        session.stepMany(N);
        Snapshot relu = sync();
        assertEquals(2, relu.runs().size(), relu.message());
        assertEquals(List.of(Activation.RELU, Activation.SIGMOID), relu.network().activations());
        assertEquals(List.of(Activation.RELU, Activation.SIGMOID),
                relu.scenario().layers().stream().map(LayerSpec::activation).toList(), "the scenario on show too");
        List<int[]> reluOrder = new java.util.ArrayList<>();
        for (long k = 0; k < N; k++) {
            reluOrder.add(batchAfter(k));
        }
        session.showRun(1); // where it was left: the fork, 0
        session.goTo(N);
        Snapshot sigmoid = sync();
        assertEquals(List.of(Activation.SIGMOID, Activation.SIGMOID), sigmoid.network().activations());
        for (long k = 0; k < N; k++) {
            assertArrayEquals(batchAfter(k), reluOrder.get((int) k), "the samples of iteration " + (k + 1));
        }

        Trainer a = fresh(s, Activation.SIGMOID);
        a.train(N);
        Trainer b = fresh(s, Activation.RELU);
        b.train(N);
        assertTrue(a.network().sameAs(sigmoid.network()), "run 1 is a fresh sigmoid trainer bit for bit");
        assertTrue(b.network().sameAs(relu.network()), "run 2 is a fresh ReLU trainer bit for bit");
        assertEquals(b.datasetLoss(), relu.runs().get(1).loss(), 0.0, "the table's loss of run 2");
        assertFalse(a.network().sameAs(b.network()), "the activations made a difference");
    }

    @Test
    void theLegendNamesTheActivationAndBackRightAfterTheVariantReturnsToTheRunItCameFrom() throws Exception {
        session = new TrainingSession(shuffled());
        session.stepMany(20);
        session.startVariant(10, List.of(Setting.LEARNING_RATE.parse("0.25")), Activation.TANH);
        Snapshot s = sync();
        assertTrue(s.message().contains("hidden activation: sigmoid → tanh"), s.message());
        assertEquals("Run 1 · sigmoid, η 0.1", s.runs().get(0).label());
        assertEquals("Run 2 · tanh, η 0.25", s.runs().get(1).label());
        assertEquals(Activation.TANH, s.network().layer(1).activation());
        session.back();
        Snapshot back = sync();
        assertEquals(1, back.runs().size(), back.message());
        assertEquals(Activation.SIGMOID, back.network().layer(1).activation());
        assertEquals("Run 1", back.runs().get(0).label());
    }

    @Test
    void theDescriptionLineSaysTheActivationOfTheRunOnShowWasChangedAlsoAfterAReset() throws Exception {
        Scenario sc = shuffled();
        session = new TrainingSession(sc);
        session.startVariant(0, List.of(), Activation.RELU);
        assertEquals(sc.description() + " — changed: hidden activation: sigmoid → ReLU", sync().scenario().description());
        session.showRun(1);
        assertEquals(sc.description(), sync().scenario().description(), "run 1 is as described");
        session.showRun(2);
        session.reset();
        Snapshot reset = sync();
        assertEquals(List.of(Activation.RELU, Activation.SIGMOID), reset.network().activations(), "the layers on show");
        assertEquals(sc.description() + " — changed: hidden activation: sigmoid → ReLU", reset.scenario().description());
    }

    @Test
    void beforeTheForkTheVariantIsItsParentAndTheScrubberRestoresEachSidesActivation() throws Exception {
        session = new TrainingSession(shuffled());
        session.stepMany(30);
        session.startVariant(15, List.of(), Activation.LEAKY_RELU);
        session.stepMany(10);
        session.goTo(7);
        Snapshot early = sync();
        assertEquals(Activation.SIGMOID, early.network().layer(1).activation(), "iteration 7 is run 1's");
        session.goTo(15);
        assertEquals(Activation.LEAKY_RELU, sync().network().layer(1).activation(), "the change is made at 15");
        session.goTo(25);
        assertEquals(Activation.LEAKY_RELU, sync().network().layer(1).activation());
    }

    @Test
    void aRefusedActivationChangesNothing() throws Exception {
        Scenario one = shuffled();
        one = one.withLayers(List.of(new LayerSpec(1, Activation.SIGMOID, true)));
        session = new TrainingSession(one);
        session.stepMany(5);
        Snapshot before = sync();
        session.startVariant(0, List.of(), Activation.RELU);
        Snapshot after = sync();
        assertTrue(after.message().contains("relu in hidden activation: this network has no hidden layer"), after.message());
        assertEquals(1, after.runs().size());
        assertTrue(before.network().sameAs(after.network()));
        assertEquals(before.iteration(), after.iteration());

        session.close();
        session = new TrainingSession(shuffled());
        session.startVariant(0, List.of(), Activation.SIGMOID);
        Snapshot same = sync();
        assertTrue(same.message().contains("change at least one of hidden activation"), same.message());
        assertEquals(1, same.runs().size());
    }

    @Test
    void anArchitectureEditStartsOverFromTheLayersOfTheRunOnShowAndBackBringsBothRunsBack() throws Exception {
        session = new TrainingSession(shuffled());
        session.stepMany(10);
        session.startVariant(0, List.of(), Activation.RELU);
        session.reshape(sc -> {
            List<LayerSpec> l = new java.util.ArrayList<>(sc.layers());
            LayerSpec h = l.get(0);
            l.set(0, new LayerSpec(3, h.activation(), h.bias()));
            return sc.withLayers(l);
        }, "hidden layer 1 with 3 neurons");
        Snapshot s = sync();
        assertEquals(1, s.runs().size(), s.message());
        assertEquals(List.of(Activation.RELU, Activation.SIGMOID), s.network().activations(),
                "the layers of the run on show, ReLU, with 3 neurons");
        assertEquals(3, s.network().layer(1).size());
        session.back();
        Snapshot back = sync();
        assertEquals(2, back.runs().size(), back.message());
        assertEquals(Activation.RELU, back.network().layer(1).activation());
        session.showRun(1);
        assertEquals(Activation.SIGMOID, sync().network().layer(1).activation());
    }

    @Test
    void trainAllToTrainsEachRunWithItsOwnActivation() throws Exception {
        Scenario sc = shuffled();
        session = new TrainingSession(sc);
        session.startVariant(0, List.of(), Activation.TANH);
        session.showRun(1);
        session.setSpeed(TrainingSession.MAX_SPEED);
        session.trainAllTo(40);
        Snapshot one = sync();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(one.runs().stream().allMatch(r -> r.iterations() == 40) && !one.running()) && System.nanoTime() < deadline) {
            one = sync();
        }
        assertEquals(List.of(40L, 40L), one.runs().stream().map(RunInfo::iterations).toList(), one.message());
        assertEquals(1, one.runs().stream().filter(RunInfo::current).findFirst().orElseThrow().number());
        Trainer a = fresh(sc, Activation.SIGMOID);
        a.train(40);
        assertTrue(a.network().sameAs(one.network()), "run 1, sigmoid");
        session.showRun(2);
        Trainer b = fresh(sc, Activation.TANH);
        b.train(40);
        assertTrue(b.network().sameAs(sync().network()), "run 2, tanh");
    }
}
