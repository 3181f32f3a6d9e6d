package org.backproplab.ui.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.ParameterVector;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The landscape view shows the engine's numbers: the grid, the path, and the colour under the marker. */
@ExtendWith(ApplicationExtension.class)
class LandscapeViewFxTest extends FxRobot {
    private Stage stage;
    private TrainingSession session;
    private SessionBridge bridge;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterEach
    void close() {
        if (bridge != null) {
            interact(bridge::stop);
        }
        if (session != null) {
            session.close();
        }
    }

    private static <T> T onFx(Callable<T> job) throws Exception {
        return WaitForAsyncUtils.asyncFx(job).get(30, TimeUnit.SECONDS);
    }

    /** A session of {@code s} trained {@code steps} iterations, its bridge showing the result. */
    private Snapshot train(Scenario s, int steps) throws Exception {
        session = new TrainingSession(s);
        bridge = new SessionBridge(session);
        session.stepMany(steps);
        Snapshot shown = session.sync().get(30, TimeUnit.SECONDS);
        onFx(() -> {
            bridge.refresh();
            return null;
        });
        return shown;
    }

    private LandscapeView show(double w, double h) throws Exception {
        LandscapeView view = onFx(() -> new LandscapeView(bridge, new UiState()));
        interact(() -> {
            stage.setScene(new Scene(view, w, h));
            stage.show();
            view.viewModel().setActive(true);
        });
        return view;
    }

    /** {@link #show(double, double)}, with every job held after each grid until {@code release} is counted down. */
    private LandscapeView show(double w, double h, java.util.concurrent.CountDownLatch release) throws Exception {
        LandscapeView view = onFx(() -> new LandscapeView(bridge, new UiState()));
        view.viewModel().afterEachGrid = () -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        interact(() -> {
            stage.setScene(new Scene(view, w, h));
            stage.show();
            view.viewModel().setActive(true);
        });
        return view;
    }

    private static Landscape await(LandscapeViewModel vm, Predicate<Landscape> done) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Landscape l = onFx(vm.landscapeProperty()::get);
            return l != null && done.test(l);
        });
        return onFx(vm.landscapeProperty()::get);
    }

    @Test
    void theViewShowsTheEngineLossUnderTheMarkerAndThePathEndsThere() throws Exception {
        Network start = Presets.xor().createTrainer().network();
        Snapshot shown = train(Presets.xor(), 300);
        LandscapeView view = show(700, 620);
        Landscape l = await(view.viewModel(), x -> x.finished() && x.hasPath());
        assertTrue(onFx(() -> lookup("#landscapeView").query().isVisible()));
        assertEquals(65, l.side(), "xor is small: the finest grid fits the budget");
        assertEquals(300, l.iteration());
        assertEquals(Double.doubleToLongBits(shown.loss()), Double.doubleToLongBits(l.centre()),
                "the centre is the loss the app shows for the weights on show");
        int last = l.pathAlpha().length - 1;
        assertEquals(0.0, l.pathAlpha()[last], "the path ends at the weights on show");
        assertEquals(0.0, l.pathBeta()[last]);
        assertEquals(300, l.pathIterations()[last]);
        Network now = shown.network();
        int a = l.settings().first();
        int b = l.settings().second();
        assertEquals(ParameterVector.of(start)[a] - ParameterVector.of(now)[a], l.pathAlpha()[0], 1e-15,
                "the path starts at the initial weights: along a chosen weight, α is its change");
        assertEquals(ParameterVector.of(start)[b] - ParameterVector.of(now)[b], l.pathBeta()[0], 1e-15);

        LandscapePainter.Drawn d = onFx(view::drawn);
        assertNotNull(d);
        WritableImage picture = onFx(() -> view.canvas().snapshot(null, null));
        PixelReader px = picture.getPixelReader();
        Point2D m = d.marker();
        Color drawn = px.getColor((int) m.getX(), (int) m.getY());
        LossScale scale = LossScale.of(l.loss());
        assertClose(scale.color(shown.loss()), drawn, "the colour under the marker is the colour of the engine's loss");

        // read back through the colour bar, as the class does: the bar's row of that colour names the loss
        int best = -1;
        double nearest = Double.MAX_VALUE;
        for (int y = (int) Math.ceil(d.barY()); y < d.barY() + d.barH() - 1; y++) {
            double dist = distance(drawn, px.getColor((int) (d.barX() + d.barW() / 2), y));
            if (dist < nearest) {
                nearest = dist;
                best = y;
            }
        }
        double read = scale.value(1 - (best + 0.5 - d.barY()) / d.barH());
        double decades = Math.log10(scale.max() / scale.min());
        assertEquals(Math.log10(shown.loss()), Math.log10(read), 0.02 * decades + 1e-9,
                "the bar says the loss under the marker is " + read + "; the engine says " + shown.loss());

        // a cell away from the marker: the pixels at its centre have the colour of its loss
        int c = (l.side() - 1) / 2;
        int i = c + l.side() / 4;
        int j = c - l.side() / 5;
        double cx = d.plotX() + (l.alpha(i) + l.settings().range()) / (2 * l.settings().range()) * d.side();
        double cy = d.plotY() + (l.settings().range() - l.alpha(j)) / (2 * l.settings().range()) * d.side();
        Color cell = scale.color(l.loss()[i][j]);
        boolean found = false;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                found |= distance(cell, px.getColor((int) cx + dx, (int) cy + dy)) <= 2.0 / 255;
            }
        }
        assertTrue(found, "cell (" + i + ", " + j + ") is drawn in the colour of L = " + l.loss()[i][j]);
        assertTrue(distance(cell, scale.color(shown.loss())) > 0.05, "and that colour differs from the centre's");

        interact(() -> view.viewModel().setRandom(true));
        Landscape r = await(view.viewModel(), x -> x.settings().random() && x.finished() && x.hasPath());
        assertEquals(Double.doubleToLongBits(shown.loss()), Double.doubleToLongBits(r.centre()));
        assertEquals("α: random direction 1 (seed 1)", r.alphaName());
        assertEquals(0.0, r.pathAlpha()[r.pathAlpha().length - 1]);
        assertEquals(RANDOM_CHOICE, onFx(() -> ((javafx.scene.control.ChoiceBox<?>) lookup("#landscapeDirections").query())
                .getValue()));
    }

    private static final String RANDOM_CHOICE = LandscapeView.RANDOM;

    @Test
    void digitsGetsACoarserGridInBudgetAndHidingTheViewCancelsTheJob() throws Exception {
        train(Presets.get("digits"), 50);
        java.util.concurrent.CountDownLatch hidden = new java.util.concurrent.CountDownLatch(1);
        LandscapeView view = show(700, 620, hidden);
        LandscapeViewModel vm = view.viewModel();
        Landscape first = await(vm, x -> true);
        assertEquals(9, first.side(), "the coarse grid comes first");
        interact(() -> vm.setActive(false));
        hidden.countDown(); // the job, held after its first grid, goes on now: it must see that it is cancelled
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.cancelledJobs() >= 1);
        assertFalse(onFx(vm.landscapeProperty()::get).finished(), "nothing finer was shown after the view was hidden");
    }

    @Test
    void aNewRangeCancelsTheJobUnderWayAndIsShown() throws Exception {
        train(Presets.get("digits"), 20);
        java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
        LandscapeView view = show(700, 620, changed);
        LandscapeViewModel vm = view.viewModel();
        await(vm, x -> true);
        interact(() -> assertTrue(vm.setRangeText("0.5")));
        changed.countDown(); // the job for range 1, held after its first grid, goes on now: it must stop
        Landscape l = await(vm, x -> x.settings().range() == 0.5 && x.finished());
        assertTrue(vm.cancelledJobs() >= 1, "the job for range 1 was cancelled");
        assertEquals(Double.doubleToLongBits(onFx(() -> bridge.snapshot().loss())), Double.doubleToLongBits(l.centre()));
        interact(() -> assertFalse(vm.setRangeText("-1")));
        assertTrue(onFx(vm.refusalProperty()::get).contains("landscape range"), onFx(vm.refusalProperty()::get));
    }

    @Test
    void aClosedViewNoLongerFollowsTheSession() throws Exception {
        train(Presets.xor(), 10);
        LandscapeView view = show(500, 400);
        LandscapeViewModel vm = view.viewModel();
        await(vm, x -> true);
        org.backproplab.engine.Network before = onFx(vm.networkProperty()::get);
        interact(view::dispose);
        session.stepMany(5);
        session.sync().get(30, TimeUnit.SECONDS);
        onFx(() -> {
            bridge.refresh();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(before == onFx(vm.networkProperty()::get), "a disposed view took a new snapshot");
    }

    private static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()), Math.max(Math.abs(a.getGreen() - b.getGreen()),
                Math.abs(a.getBlue() - b.getBlue())));
    }

    private static void assertClose(Color expected, Color actual, String what) {
        assertTrue(distance(expected, actual) <= 2.0 / 255, what + ": expected " + expected + " but drawn " + actual);
    }
}
