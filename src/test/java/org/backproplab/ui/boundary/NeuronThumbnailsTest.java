package org.backproplab.ui.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.paint.Color;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;
import org.backproplab.ui.boundary.HeatmapModel.Plane;
import org.backproplab.ui.boundary.NeuronThumbnails.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The neurons' own heatmaps are true: the value of each cell is the neuron's activation, computed by the engine alone
 * on the inputs at the cell's centre, and its pixel is that value's colour; they follow the network as it trains, and
 * the switch turns them off.
 */
@ExtendWith(ApplicationExtension.class)
class NeuronThumbnailsTest extends FxRobot {
    private FxSession fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close(this);
        }
    }

    private NeuronThumbnails open(Scenario s, UiState state) {
        fx = new FxSession(s);
        return fx.create(this, () -> new NeuronThumbnails(fx.bridge, state));
    }

    private static <T> T onFx(Callable<T> job) throws Exception {
        return FxSession.onFx(job);
    }

    private void settle() throws Exception {
        fx.settle();
    }

    private static Result await(NeuronThumbnails vm, Predicate<Result> done) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            Result r = onFx(vm.resultProperty()::get);
            return r != null && done.test(r);
        });
        return onFx(vm.resultProperty()::get);
    }

    /** @return {@code a^l[i]} at {@code x}, from the engine alone: the forward pass of the network's first l layers */
    private static double activation(Network net, NeuronRef n, double[] x) {
        List<Layer> first = new ArrayList<>();
        for (int l = 1; l <= n.layer(); l++) {
            first.add(net.layer(l).copy());
        }
        return new Network(net.inputSize(), first).predict(x)[n.index()];
    }

    private static void assertTrueMaps(Result r, UiState state) {
        Network net = r.snapshot().network();
        int neurons = 0;
        for (int l = 1; l <= net.depth(); l++) {
            neurons += net.size(l);
        }
        assertEquals(neurons, r.maps().size(), "every hidden and output neuron has its map");
        for (var e : r.maps().entrySet()) {
            NeuronRef n = e.getKey();
            Heatmap h = e.getValue();
            Plane p = h.plane();
            int cells = h.cells();
            assertEquals(NeuronMaps.CELLS, cells);
            int[] px = r.argb().get(n);
            for (int row = 0; row < cells; row++) {
                for (int c = 0; c < cells; c++) {
                    double truth = activation(net, n, p.input(p.cellX(c, cells), p.cellY(row, cells)));
                    assertEquals(truth, h.value(row, c), 0.0, n + " at cell " + row + "," + c);
                    // the colour of the activation, read off the colour scale in its 1,024 steps
                    double lo = h.center() - h.range();
                    long step = Math.round(Math.max(0, Math.min(1, (truth - lo) / (2 * h.range()))) * HeatmapColors.LUT);
                    Color want = HeatmapColors.color(lo + 2 * h.range() * step / HeatmapColors.LUT, h,
                            state.colorScaleProperty().get(), state.themeProperty().get());
                    assertEquals(HeatmapColors.pack(want), px[row * cells + c], n + " pixel " + row + "," + c);
                }
            }
        }
    }

    @Test
    void eachCellIsTheNeuronsActivationAtItsInputsAndFollowsTraining() throws Exception {
        UiState state = new UiState();
        NeuronThumbnails vm = open(Presets.xor(), state);
        Result first = await(vm, x -> true);
        assertEquals(0, first.snapshot().iteration());
        assertTrueMaps(first, state);
        Plane plane = first.maps().values().iterator().next().plane();
        assertEquals(List.of(0, 1, 2), List.of(plane.xColumn(), plane.yColumn(), plane.biasColumn()),
                "x1 across, x2 up, the bias x3 held at 1");

        fx.session.stepMany(1500);
        settle();
        Result trained = await(vm, x -> x.snapshot().iteration() == 1500);
        assertTrueMaps(trained, state);
        assertNotNull(onFx(() -> vm.image(new NeuronRef(1, 0))));
        assertEquals(NeuronMaps.CELLS, onFx(() -> vm.image(new NeuronRef(2, 0))).getWidth());
        Heatmap y = trained.maps().get(new NeuronRef(2, 0));
        int last = NeuronMaps.CELLS - 1;
        assertTrue(y.value(0, 0) > 0.5 && y.value(0, last) < 0.5 && y.value(last, last) > 0.5 && y.value(last, 0) < 0.5,
                "the trained output is XOR: high at (0,1) top left and (1,0) bottom right, low at (1,1) and (0,0)");
    }

    @Test
    void theSwitchTurnsThemOffAndOn() throws Exception {
        UiState state = new UiState();
        NeuronThumbnails vm = open(Presets.get("gender"), state);
        await(vm, x -> true);
        interact(() -> state.neuronThumbnailsProperty().set(false));
        assertNull(onFx(vm.resultProperty()::get));
        assertNull(onFx(() -> vm.image(new NeuronRef(1, 0))), "off: no picture");
        interact(() -> state.neuronThumbnailsProperty().set(true));
        assertTrueMaps(await(vm, x -> true), state);
    }

    @Test
    void aDataSetWithoutAPlaneHasNone() throws Exception {
        UiState state = new UiState();
        NeuronThumbnails vm = open(Presets.get("xor"), state);
        await(vm, x -> true);
        fx.session.load(org.backproplab.data.Scenarios.forDataset(Presets.xor(),
                org.backproplab.data.Generators.noisySine(20, 0.0, 1), "sine", "one input"));
        settle();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(vm.resultProperty()::get) == null);
    }
}
