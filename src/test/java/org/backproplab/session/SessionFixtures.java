package org.backproplab.session;

import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.TrainingConfig;

/** Small scenarios for session tests, independent of the preset catalogue. */
final class SessionFixtures {
    private SessionFixtures() {
    }

    static Scenario xor() {
        Dataset d = new Dataset(List.of("x1", "x2", "x3"), List.of("y"),
                new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}}, new double[][] {{0}, {1}, {1}, {0}},
                List.of("00", "01", "10", "11"), null, List.of(), 2);
        return new Scenario("xor", "XOR", d,
                List.of(new LayerSpec(4, Activation.SIGMOID, false), new LayerSpec(1, Activation.SIGMOID, false)),
                new TrainingConfig(Loss.SSE, 1.0, BatchMode.FULL, 0, false, Initializer.UNIFORM01, 1), 1500);
    }

    static Scenario perSample() {
        Dataset d = new Dataset(List.of("x1", "x2"), List.of("y"),
                new double[][] {{-2, -1}, {25, 6}, {17, 4}, {-15, -6}}, new double[][] {{1}, {0}, {0}, {1}},
                List.of("Alice", "Bob", "Charlie", "Diana"), new double[][] {{-7, -3}, {20, 2}},
                List.of("Emily", "Frank"), -1);
        return new Scenario("gender", "2-2-1", d,
                List.of(new LayerSpec(2, Activation.SIGMOID, true), new LayerSpec(1, Activation.SIGMOID, true)),
                new TrainingConfig(Loss.MSE, 0.1, BatchMode.SAMPLE, 0, false, Initializer.NORMAL, 1), 4000);
    }
}
