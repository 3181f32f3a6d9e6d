package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Progress;
import org.backproplab.engine.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session at the work bound: an edit past it is refused, and a long gradient check can be cancelled. */
public class WorkBoundSessionTest {
    /** 1-100-1 takes 107 activations per sample: 9,345 samples are the most that fit in 1e6. */
    static final int MOST = 9_345;

    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    /**
     * A 1-100-1 sigmoid network, full batch, on {@link #MOST} samples of a line: at the work bound, where each
     * evaluation of the loss is a pass over every sample and a gradient check takes seconds.
     */
    public static Scenario atTheBound() {
        double[][] x = new double[MOST][1];
        double[][] y = new double[MOST][1];
        for (int r = 0; r < MOST; r++) {
            x[r][0] = -1 + 2.0 * r / MOST;
            y[r][0] = 0.5 * x[r][0];
        }
        return new Scenario("line", "", Dataset.of(x, y), List.of(new LayerSpec(100, Activation.SIGMOID, true),
                new LayerSpec(1, Activation.LINEAR, true)),
                new TrainingConfig(Loss.MSE, 0.1, BatchMode.FULL, 0, false, Initializer.XAVIER, 1), 10);
    }

    private Snapshot sync() throws Exception {
        return session.sync().get(60, TimeUnit.SECONDS);
    }

    @Test
    void aRowPastTheBoundIsRefusedWithTheLimitAndChangesNothing() throws Exception {
        session = new TrainingSession(atTheBound());
        Snapshot before = sync();
        session.addSample(0);
        Snapshot after = sync();
        assertEquals(MOST, after.scenario().dataset().size());
        assertEquals(before.changes(), after.changes(), "nothing recorded");
        assertEquals("1-100-1 on 9,346 samples needs 1.00002e6 activations per pass (samples × (neurons + 3 per layer)): "
                + "at most 1e6 are allowed, so that the buffers of one pass stay within about 32 MB; this network fits "
                + "at most 9,345 samples", after.message());
        session.removeSample(0);
        assertEquals(MOST - 1, sync().scenario().dataset().size(), "below the bound edits go on");
    }

    @Test
    void aGradientCheckCancelledOnTheWorkerLeavesTheSessionAnsweringAtOnce() throws Exception {
        session = new TrainingSession(atTheBound());
        Snapshot before = sync();
        CountDownLatch started = new CountDownLatch(1);
        Progress cancelAfterOne = new Progress() {
            volatile boolean cancelled;

            @Override
            public void advanced(long done, long total) {
                if (done >= 1) {
                    cancelled = true;
                    started.countDown();
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        CompletableFuture<TrainingSession.Checked> check = session.gradientCheck(cancelAfterOne);
        assertTrue(started.await(60, TimeUnit.SECONDS), "the check reports its progress");
        CancellationException e = assertThrows(CancellationException.class, () -> check.get(60, TimeUnit.SECONDS));
        assertTrue(e.getMessage().matches("The gradient check stopped after 1 of \\d+ parameters; the session is "
                + "as it was\\."), e.getMessage());
        session.step();
        Snapshot after = sync();
        assertEquals(1, after.iteration(), "the next command runs");
        assertEquals(e.getMessage(), after.message());
        assertEquals(before.failureNumber(), after.failureNumber(), "a cancel is not a failure");
    }
}
