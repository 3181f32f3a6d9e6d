package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    interface Gen {
        Dataset make(int count, double noise, long seed);
    }

    private static final List<Gen> CLASSIFIERS = List.<Gen>of(Generators::circle, Generators::twoSpirals,
            Generators::gaussianClusters, Generators::xorQuadrants);

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        for (Gen g : List.<Gen>of(Generators::circle, Generators::twoSpirals, Generators::gaussianClusters,
                Generators::xorQuadrants, Generators::noisySine, Generators::bowl)) {
            Dataset a = g.make(50, 0.1, 7);
            Dataset b = g.make(50, 0.1, 7);
            Dataset c = g.make(50, 0.1, 8);
            assertEquals(50, a.size());
            assertTrue(Arrays.deepEquals(a.inputs().getData(), b.inputs().getData()));
            assertTrue(Arrays.deepEquals(a.targets().getData(), b.targets().getData()));
            assertFalse(Arrays.deepEquals(a.inputs().getData(), c.inputs().getData())
                    && Arrays.deepEquals(a.targets().getData(), c.targets().getData()));
        }
    }

    @Test
    void classifiersHaveTwoInputsAndBothClasses() {
        for (Gen g : CLASSIFIERS) {
            Dataset d = g.make(100, 0.0, 1);
            assertEquals(2, d.inputSize());
            assertEquals(1, d.targetSize());
            long ones = 0;
            for (int i = 0; i < d.size(); i++) {
                double y = d.target(i, 0);
                assertTrue(y == 0.0 || y == 1.0, "target " + y);
                ones += (long) y;
            }
            assertTrue(ones > 20 && ones < 80, ones + " ones of 100");
        }
    }

    @Test
    void noiselessSetsFollowTheirRule() {
        Dataset circle = Generators.circle(200, 0.0, 3);
        Dataset xor = Generators.xorQuadrants(200, 0.0, 3);
        for (int i = 0; i < 200; i++) {
            double r = Math.hypot(circle.input(i, 0), circle.input(i, 1));
            assertEquals(r < 0.55 ? 1.0 : 0.0, circle.target(i, 0));
            boolean differ = xor.input(i, 0) > 0 != xor.input(i, 1) > 0;
            assertEquals(differ ? 1.0 : 0.0, xor.target(i, 0));
        }
        Dataset sine = Generators.noisySine(9, 0.0, 1);
        assertArrayEquals(new double[] {-1.0}, sine.inputs().getRow(0));
        assertEquals(0.9, sine.target(6, 0), 1e-12);
        Dataset bowl = Generators.bowl(20, 0.0, 1);
        for (int i = 0; i < 20; i++) {
            double a = bowl.input(i, 0);
            double b = bowl.input(i, 1);
            assertEquals(0.5 * (a * a + b * b), bowl.target(i, 0));
        }
    }

    @Test
    void badCountOrNoiseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Generators.circle(0, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Generators.noisySine(10, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Generators.bowl(10, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Generators.twoSpirals(Generators.MAX_COUNT + 1, 0, 1));
    }
}
