package org.backproplab.ui.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.backproplab.data.Generators;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.DecisionBoundaryViewModel.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The view model computes off the FX thread, keeps up with a running session and follows the selected neuron. */
@ExtendWith(ApplicationExtension.class)
class DecisionBoundaryViewModelTest extends FxRobot {
    private FxSession fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close(this);
        }
    }

    private DecisionBoundaryViewModel open(Scenario s, UiState state) {
        fx = new FxSession(s);
        return fx.create(this, () -> new DecisionBoundaryViewModel(fx.bridge, state));
    }

    private static <T> T onFx(Callable<T> job) throws Exception {
        return FxSession.onFx(job);
    }

    /** Waits (up to 30 s) for a heatmap that satisfies {@code done} and returns it. */
    private static Result await(DecisionBoundaryViewModel vm, Predicate<Result> done) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            Result r = onFx(vm.resultProperty()::get);
            return r != null && done.test(r);
        });
        return onFx(vm.resultProperty()::get);
    }

    @Test
    void heatmapOfTheSnapshotsNetworkArrivesAndFollowsTheSelectedNeuron() throws Exception {
        UiState state = new UiState();
        DecisionBoundaryViewModel vm = open(Presets.get("xor-bias"), state);
        Result r = await(vm, x -> true);
        assertEquals(new NeuronRef(2, 0), r.heatmap().neuron(), "the output by default");
        Network net = r.snapshot().network();
        var p = r.heatmap().plane();
        assertEquals(net.predict(p.input(p.cellX(7, 120), p.cellY(90, 120)))[0], r.heatmap().value(90, 7), 1e-12);
        assertEquals(120 * 120, r.argb().length);
        interact(() -> vm.select(new NeuronRef(1, 2)));
        Result n = await(vm, x -> x.heatmap().neuron().equals(new NeuronRef(1, 2)));
        assertEquals(Activation.TANH, n.heatmap().activation());
        assertEquals(new NeuronRef(1, 2), vm.shownNeuron());
        interact(() -> state.selectedNeuronProperty().set(new NeuronRef(1, 9)));
        assertEquals(new NeuronRef(2, 0), vm.shownNeuron(), "a neuron the network lacks falls back to the output");
    }

    private static Scenario spirals() {
        return new Scenario("spirals", "test", Generators.twoSpirals(200, 0, 1),
                List.of(new LayerSpec(12, Activation.TANH, true), new LayerSpec(12, Activation.TANH, true),
                        new LayerSpec(1, Activation.SIGMOID, true)), Presets.get("xor-bias").config(), 1000);
    }

    /**
     * Three classes: the plane is coloured by predicted class; every cell's class and colour against the argmax of
     * the engine's own forward pass at the cell centre; choosing an output neuron shows its probability instead.
     */
    @Test
    void threeClassesColourThePlaneByPredictedClass() throws Exception {
        UiState state = new UiState();
        DecisionBoundaryViewModel vm = open(Presets.get("three-clusters"), state);
        fx.session.stepMany(100);
        fx.settle();
        onFx(() -> {
            vm.request();
            return null;
        });
        Result r = await(vm, x -> x.heatmap().isClassMap() && x.snapshot().iteration() == 100);
        HeatmapModel.Heatmap h = r.heatmap();
        org.backproplab.engine.Network net = r.snapshot().network();
        int cells = h.cells();
        int[] seen = new int[3];
        for (int row = 0; row < cells; row++) {
            for (int c = 0; c < cells; c++) {
                double[] yHat = net.predict(h.plane().input(h.plane().cellX(c, cells), h.plane().cellY(row, cells)));
                int best = 0;
                for (int k = 1; k < 3; k++) {
                    best = yHat[k] > yHat[best] ? k : best;
                }
                int i = row * cells + c;
                assertEquals(best, h.classes()[i], "class of cell " + row + "," + c);
                assertEquals(yHat[best], h.values()[i], 1e-12, "how sure, cell " + row + "," + c);
                assertEquals(HeatmapColors.pack(HeatmapColors.classCell(best, yHat[best], state.themeProperty().get())),
                        r.argb()[i], "colour of cell " + row + "," + c);
                seen[best]++;
            }
        }
        for (int k = 0; k < 3; k++) {
            assertTrue(seen[k] > cells * cells / 10, "class " + k + " has its own region: " + seen[k] + " cells");
        }
        assertTrue(!h.contour().isEmpty(), "the boundaries between the classes are drawn");

        onFx(() -> {
            vm.select(new NeuronRef(2, 1));
            return null;
        });
        Result one = await(vm, x -> !x.heatmap().isClassMap());
        assertEquals(new NeuronRef(2, 1), one.heatmap().neuron(), "an output neuron chosen: its own probability");
        assertEquals(DecisionBoundaryViewModel.CLASSES, onFx(vm::neurons).get(0), "the choice offers the class map first");
        assertEquals("predicted class (the largest output)", vm.name(DecisionBoundaryViewModel.CLASSES));
        onFx(() -> {
            vm.select(DecisionBoundaryViewModel.CLASSES);
            return null;
        });
        await(vm, x -> x.heatmap().isClassMap());
        assertEquals(null, state.selectedNeuronProperty().get(), "no neuron selected in the graph");
    }

    @Test
    void followsARunningSessionLive() throws Exception {
        UiState state = new UiState();
        DecisionBoundaryViewModel vm = open(spirals(), state);
        await(vm, x -> true);
        fx.session.setSpeed(TrainingSession.MAX_SPEED);
        Set<Long> iterations = ConcurrentHashMap.newKeySet();
        AtomicInteger snapshots = new AtomicInteger();
        interact(() -> {
            fx.bridge.snapshotProperty().addListener((o, a, b) -> snapshots.incrementAndGet());
            vm.resultProperty().addListener((o, a, r) -> iterations.add(r.snapshot().iteration()));
            fx.bridge.start();
        });
        fx.session.run();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> iterations.size() >= 3);
        System.out.printf("decision boundary: heatmaps of %d iterations from %d snapshots while running, last took %.2f ms%n",
                iterations.size(), snapshots.get(), onFx(vm.resultProperty()::get).computeMillis());
        assertTrue(onFx(vm.resultProperty()::get).snapshot().running(), "heatmaps of the running session");
    }

    /** Asked as fast as the FX thread can ask, the view model still computes at most 20 heatmaps a second. */
    @Test
    void atMostTwentyHeatmapsASecondHoweverOftenTheyAreAskedFor() throws Exception {
        DecisionBoundaryViewModel vm = open(Presets.get("xor-bias"), new UiState());
        await(vm, x -> true);
        long before = onFx(vm::completed);
        long start = System.nanoTime();
        int asked = 0;
        while (onFx(vm::completed) - before < 10 && asked < 100_000) {
            NeuronRef n = new NeuronRef(1, asked++ % 4);
            onFx(() -> {
                vm.select(n);
                return n;
            });
        }
        long updates = onFx(vm::completed) - before;
        double millis = (System.nanoTime() - start) / 1e6;
        assertTrue(updates >= 10, updates + " heatmaps for " + asked + " requests");
        // computations start at least MIN_INTERVAL_MS apart (one more may have started before the clock did)
        assertTrue(updates <= millis / DecisionBoundaryViewModel.MIN_INTERVAL_MS + 2,
                updates + " heatmaps for " + asked + " requests in " + millis + " ms");
    }

    @Test
    void theLatestRequestWinsAndStaleOnesAreDropped() throws Exception {
        UiState state = new UiState();
        DecisionBoundaryViewModel vm = open(spirals(), state);
        await(vm, x -> true);
        long before = onFx(vm::completed);
        List<NeuronRef> shown = new CopyOnWriteArrayList<>();
        interact(() -> {
            vm.resultProperty().addListener((o, a, r) -> shown.add(r.heatmap().neuron()));
            for (int k = 0; k < 40; k++) {
                vm.select(new NeuronRef(1 + k % 2, k % 12));
            }
        });
        NeuronRef last = new NeuronRef(2, 39 % 12);
        await(vm, x -> x.heatmap().neuron().equals(last));
        long computed = onFx(vm::completed) - before;
        // one more request after the latest: the worker takes requests in order, so anything older still to
        // arrive would arrive before this one
        NeuronRef next = new NeuronRef(1, 0);
        interact(() -> vm.select(next));
        await(vm, x -> x.heatmap().neuron().equals(next));
        assertEquals(List.of(last, next), shown.subList(shown.size() - 2, shown.size()),
                "nothing older arrives after the latest: " + shown);
        assertTrue(computed < 10, "40 requests, " + computed + " computed");
    }

    @Test
    void aDataSetWithoutTwoInputsGetsASentenceAndNoHeatmap() throws Exception {
        UiState state = new UiState();
        Scenario sine = new Scenario("sine", "test", Generators.noisySine(30, 0.1, 1),
                List.of(new LayerSpec(4, Activation.TANH, true), new LayerSpec(1, Activation.LINEAR, true)),
                Presets.get("xor-bias").config(), 100);
        DecisionBoundaryViewModel vm = open(sine, state);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.messageProperty().get().startsWith("This data set has 1 input"), vm.messageProperty().get());
        assertNull(vm.resultProperty().get());
        assertNotNull(vm.neurons());
    }
}
