package org.backproplab.ui.data;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Dataset;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.testfx.util.WaitForAsyncUtils;

/** Scenarios and helpers for the panels' tests. */
public final class PanelScenarios {
    private PanelScenarios() {
    }

    /** The 3-4-1 XOR tutorial preset: x3 = 1 is the bias input, sse, full batch, η = 1. */
    public static Scenario xor() {
        return Presets.xor();
    }

    /** The 2-2-1 tutorial preset: biases, mse, one sample per iteration, probes Emily and Frank. */
    public static Scenario gender() {
        return Presets.get("gender");
    }

    /** One linear neuron without bias on one sample with target 0: loss 0 once its weights are 0. */
    public static Scenario zeroable() {
        Dataset d = new Dataset(List.of("x1", "x2"), List.of("y"), new double[][] {{1, 2}}, new double[][] {{0}},
                List.of(), null, List.of(), -1);
        return new Scenario("zero", "zero loss", d, List.of(new LayerSpec(1, Activation.LINEAR, false)),
                new TrainingConfig(Loss.SSE, 0.1, BatchMode.FULL, 0, false, Initializer.NORMAL, 1), 10);
    }

    /** Waits until the session has run every command sent so far and the bridge shows the result. */
    public static void settle(TrainingSession session, SessionBridge bridge) {
        try {
            session.sync().get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx(bridge::refresh).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the session did not settle", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
