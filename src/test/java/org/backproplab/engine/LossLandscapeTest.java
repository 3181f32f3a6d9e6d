package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class LossLandscapeTest {
    /** Trainers of several kinds: sigmoid + SSE, tanh/softmax + cross-entropy with held-out rows, ReLU + MSE, trained a while. */
    private static Trainer[] trainers() {
        Trainer a = Fixtures.randomTrainer(3, Activation.SIGMOID, Activation.SIGMOID, Loss.SSE, BatchMode.FULL,
                true, 9, 0.0, false);
        Trainer b = Fixtures.randomTrainer(5, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY, BatchMode.FULL,
                true, 12, 0.5, false);
        b.setTestRows(new int[] {2, 7});
        Trainer c = Fixtures.randomTrainer(8, Activation.RELU, Activation.LINEAR, Loss.MSE, BatchMode.FULL,
                true, 10, 0.0, false);
        Trainer x = Fixtures.xor(1);
        for (Trainer t : new Trainer[] {a, b, c, x}) {
            t.train(25);
        }
        return new Trainer[] {a, b, c, x};
    }

    /** An independent trainer at {@code t}'s state whose weights are set one by one through the public edits. */
    private static double lossWithWeightsSetBy(Trainer t, double[] theta) {
        Trainer u = new Trainer(t.network().copy(), t.inputs(), t.targets(), t.config());
        u.restore(t.state());
        Network net = u.network();
        for (int l = 1; l <= net.depth(); l++) {
            Layer layer = net.layer(l);
            for (int i = 0; i < layer.inputSize(); i++) {
                for (int j = 0; j < layer.size(); j++) {
                    u.setWeight(l, i, j, theta[ParameterVector.weightIndex(net, l, i, j)]);
                }
            }
            for (int j = 0; layer.hasBias() && j < layer.size(); j++) {
                u.setBias(l, j, theta[ParameterVector.biasIndex(net, l, j)]);
            }
        }
        return u.datasetLoss();
    }

    @Test
    void everyGridValueIsTheEngineLossAtThoseWeightsBitForBit() {
        for (Trainer t : trainers()) {
            double[][] d = LossLandscape.filterNormalised(t.network(), 42);
            LossLandscape land = new LossLandscape(t.state(), d[0], d[1]);
            int n = 5;
            double[][] grid = new double[n][n];
            land.fill(grid, 0.8, 1.5, 2, false, Progress.NONE);
            land.fill(grid, 0.8, 1.5, 1, true, Progress.NONE);
            double[] theta = ParameterVector.of(t.network());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double alpha = LossLandscape.coordinate(i, n, 0.8);
                    double beta = LossLandscape.coordinate(j, n, 1.5);
                    double[] moved = new double[theta.length];
                    for (int k = 0; k < theta.length; k++) {
                        moved[k] = theta[k] + alpha * d[0][k] + beta * d[1][k];
                    }
                    assertEquals(Double.doubleToLongBits(lossWithWeightsSetBy(t, moved)),
                            Double.doubleToLongBits(grid[i][j]), "L(α_" + i + ", β_" + j + ")");
                }
            }
        }
    }

    @Test
    void theCentreIsTheCurrentLossAndTheLandscapeIsNotFlat() {
        for (Trainer t : trainers()) {
            int w = ParameterVector.weightIndex(t.network(), 1, 0, 0);
            int v = ParameterVector.weightIndex(t.network(), t.network().depth(), 0, 0);
            LossLandscape land = new LossLandscape(t.state(), LossLandscape.unit(t.network(), w),
                    LossLandscape.unit(t.network(), v));
            double[][] grid = new double[7][7];
            land.fill(grid, 2, 2, 1, false, Progress.NONE);
            assertEquals(Double.doubleToLongBits(t.datasetLoss()), Double.doubleToLongBits(grid[3][3]));
            assertEquals(0.0, LossLandscape.coordinate(3, 7, 2.0));
            assertTrue(Arrays.stream(grid).flatMapToDouble(Arrays::stream).anyMatch(x -> x != grid[3][3]));
        }
    }

    @Test
    void unitDirectionsMoveOneWeightAndItsChangeIsTheCoordinate() {
        Trainer t = Fixtures.xor(1);
        Network before = t.network().copy();
        int w = ParameterVector.weightIndex(before, 1, 2, 1);
        int v = ParameterVector.weightIndex(before, 2, 3, 0);
        LossLandscape land = new LossLandscape(t.state(), LossLandscape.unit(before, w), LossLandscape.unit(before, v));
        double l = land.loss(0.5, -0.25);
        t.setWeight(1, 2, 1, before.layer(1).weight(2, 1) + 0.5);
        t.setWeight(2, 3, 0, before.layer(2).weight(3, 0) - 0.25);
        assertEquals(t.datasetLoss(), l);
        assertArrayEquals(new double[] {0.5, -0.25}, land.coordinates(t.network()), 1e-15);
        assertArrayEquals(new double[] {0, 0}, land.coordinates(before), 0.0);
    }

    @Test
    void eachNeuronsPartOfARandomDirectionIsAsLongAsItsWeights() {
        for (Trainer t : trainers()) {
            Network net = t.network();
            double[] theta = ParameterVector.of(net);
            double[][] d = LossLandscape.filterNormalised(net, 7);
            for (double[] dir : d) {
                for (int l = 1; l <= net.depth(); l++) {
                    for (int j = 0; j < net.size(l); j++) {
                        double th = 0;
                        double dd = 0;
                        for (int k : LossLandscape.filter(net, l, j)) {
                            th += theta[k] * theta[k];
                            dd += dir[k] * dir[k];
                        }
                        assertEquals(Math.sqrt(th), Math.sqrt(dd), 1e-12 * Math.sqrt(th), "neuron " + j + " of layer " + l);
                    }
                }
            }
            assertArrayEquals(d[0], LossLandscape.filterNormalised(net, 7)[0], 0.0, "seeded: the same picture again");
            assertFalse(Arrays.equals(d[0], d[1]));
            assertFalse(Arrays.equals(d[0], LossLandscape.filterNormalised(net, 8)[0]));
        }
    }

    @Test
    void aFilterIsTheWeightsIntoANeuronAndItsBias() {
        Trainer t = Fixtures.randomTrainer(3, Activation.SIGMOID, Activation.SIGMOID, Loss.SSE, BatchMode.FULL,
                true, 9, 0.0, false);
        Network net = t.network();
        int[] f = LossLandscape.filter(net, 1, 0);
        assertEquals(net.inputSize() + 1, f.length);
        assertEquals(ParameterVector.biasIndex(net, 1, 0), f[f.length - 1]);
        double[] theta = ParameterVector.of(net);
        for (int i = 0; i < net.inputSize(); i++) {
            assertEquals(net.layer(1).weight(i, 0), theta[f[i]]);
        }
    }

    @Test
    void aPointOnThePlaneProjectsBackToItsCoordinates() {
        Trainer t = trainers()[1];
        double[][] d = LossLandscape.filterNormalised(t.network(), 3);
        LossLandscape land = new LossLandscape(t.state(), d[0], d[1]);
        double[] theta = ParameterVector.of(t.network());
        Trainer u = new Trainer(t.network().copy(), t.inputs(), t.targets(), t.config());
        Network net = u.network();
        double[] moved = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            moved[k] = theta[k] + 0.3 * d[0][k] - 0.7 * d[1][k];
        }
        ParameterVector.write(moved, net);
        assertArrayEquals(new double[] {0.3, -0.7}, land.coordinates(net), 1e-12);
    }

    @Test
    void badDirectionsAreRefusedByName() {
        Trainer t = Fixtures.xor(1);
        double[] e = LossLandscape.unit(t.network(), 0);
        IllegalArgumentException par = assertThrows(IllegalArgumentException.class,
                () -> new LossLandscape(t.state(), e, e));
        assertTrue(par.getMessage().contains("parallel"), par.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> new LossLandscape(t.state(), new double[2], e));
        assertTrue(len.getMessage().contains("d1 has 2 entries"), len.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LossLandscape.unit(t.network(), 99));
    }

    @Test
    void aCancelledFillStops() {
        Trainer t = Fixtures.xor(1);
        double[][] d = LossLandscape.filterNormalised(t.network(), 3);
        LossLandscape land = new LossLandscape(t.state(), d[0], d[1]);
        Progress stop = new Progress() {
            @Override
            public void advanced(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        double[][] grid = new double[9][9];
        assertThrows(CancellationException.class, () -> land.fill(grid, 1, 1, 1, false, stop));
        assertEquals(0.0, grid[2][0], "stopped after the first row");
    }
}
