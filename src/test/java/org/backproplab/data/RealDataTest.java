package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/** The shipped real data sets, their stratified split, the standardisation and the presets built on them. */
class RealDataTest {

    @Test
    void theShippedFilesHoldWhatTheirDescriptionsSay() {
        RealData.Labelled iris = RealData.iris();
        assertEquals(150, iris.x().length);
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, iris.x()[0], 0.0, "iris.csv's first flower");
        assertArrayEquals(new int[] {50, 50, 50}, counts(iris.classes(), 3));

        RealData.Labelled digits = RealData.digits();
        assertEquals(1797, digits.x().length);
        assertEquals(64, digits.x()[0].length);
        assertEquals(0, digits.classes()[0], "the first image is a 0");
        assertEquals(1, digits.classes()[1]);
        assertEquals(178, counts(digits.classes(), 10)[0], "digits.rst's 178 zeros");
        assertTrue(Arrays.stream(digits.x()).flatMapToDouble(Arrays::stream).allMatch(v -> v >= 0 && v <= 16));

        RealData.Numeric diabetes = RealData.diabetes();
        assertEquals(442, diabetes.x().length);
        assertEquals(10, diabetes.x()[0].length);
        assertArrayEquals(new double[] {59, 2, 32.1, 101.0, 157, 93.2, 38.0, 4.0, 4.8598, 87}, diabetes.x()[0], 0.0);
        assertEquals(151.0, diabetes.y()[0], 0.0);
    }

    @Test
    void theDigitsAreReadOnceAndHandedOutAsCopies() {
        RealData.Labelled a = RealData.digits();
        double first = a.x()[0][0];
        int firstClass = a.classes()[0];
        a.x()[0][0] = -99;
        a.classes()[0] = 9;
        RealData.Labelled b = RealData.digits();
        assertEquals(first, b.x()[0][0], 0.0, "a change to one copy is not in the next");
        assertEquals(firstClass, b.classes()[0]);
    }

    @Test
    void theDescriptionsAndTheLicenceShipWithTheData() {
        for (String f : List.of("iris.rst", "digits.rst", "diabetes.rst", "SCIKIT-LEARN-COPYING")) {
            assertNotNull(RealData.class.getResource(RealData.FOLDER + f), f);
        }
    }

    @Test
    void theSplitHoldsOutTheSameShareOfEveryClassAndFollowsTheSeed() {
        int[] classes = RealData.iris().classes();
        int[] test = StratifiedSplit.testRows(classes, 0.3, 7);
        int[] perClass = new int[3];
        for (int r : test) {
            perClass[classes[r]]++;
        }
        assertArrayEquals(new int[] {15, 15, 15}, perClass);
        assertArrayEquals(test, StratifiedSplit.testRows(classes, 0.3, 7), "same seed, same rows");
        assertFalse(Arrays.equals(test, StratifiedSplit.testRows(classes, 0.3, 8)), "another seed, other rows");
        int[] sorted = test.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, test, "ascending");
        assertEquals(150 - 45, StratifiedSplit.trainRows(150, test).length);
    }

    @Test
    void standardisingUsesTheTrainingRowsOnly() {
        double[][] x = {{1, 5}, {3, 5}, {100, -7}};
        double[][] s = Standardise.byTrainingRows(x, new int[] {0, 1});
        assertArrayEquals(new double[] {-1, 0}, s[0], 0.0, "mean 2, sd 1 over rows 0 and 1; a constant column is only centred");
        assertArrayEquals(new double[] {1, 0}, s[1], 0.0);
        assertArrayEquals(new double[] {98, -12}, s[2], 0.0, "the held-out row is scaled by the training statistics");
        double[][] changed = {{1, 5}, {3, 5}, {-40, 9}};
        assertArrayEquals(s[0], Standardise.byTrainingRows(changed, new int[] {0, 1})[0], 0.0,
                "a test row never moves the training rows' values");
    }

    @Test
    void theRealDataPresetsStateTheirSplitAndNetwork() {
        Scenario iris = Presets.get("iris");
        assertEquals(45, iris.testRows().length);
        assertEquals(List.of(8, 3), iris.layers().stream().map(l -> l.size()).toList());
        assertEquals(Activation.SOFTMAX, iris.layers().get(1).activation());
        assertEquals(Loss.CROSS_ENTROPY, iris.config().loss());
        assertTrue(iris.description().contains("30 % of each species"));
        Trainer t = iris.createTrainer();
        assertArrayEquals(iris.testRows(), t.testRows(), "the trainer holds out the preset's rows");

        Scenario digits = Presets.get("digits");
        assertEquals(64, digits.dataset().inputSize());
        assertEquals(List.of(32, 10), digits.layers().stream().map(l -> l.size()).toList());
        assertEquals(451, digits.testRows().length, "a quarter of each digit, rounded per digit");
        assertEquals(32, digits.config().batch().size());

        Scenario diabetes = Presets.get("diabetes");
        assertEquals(Activation.LINEAR, diabetes.layers().get(1).activation());
        assertEquals(Loss.MSE, diabetes.config().loss());
        assertEquals(Math.round(0.2 * 442), diabetes.testRows().length);
        assertEquals(1.51, diabetes.dataset().target(0, 0), 1e-12, "progression / 100");
        Trainer d = diabetes.createTrainer();
        double before = d.testLoss();
        d.train(diabetes.iterations());
        assertTrue(d.testLoss() < 0.5 * before, "diabetes learns: test mse " + before + " → " + d.testLoss());
    }

    @Test
    void scenariosWithTheSameTestRowsAreEqual() {
        Scenario iris = Presets.get("iris");
        Scenario copy = iris.withConfig(iris.config());
        assertEquals(iris, copy, "the same data and test rows (another array): equal scenarios");
        assertEquals(iris.hashCode(), copy.hashCode());
        Scenario other = new Scenario(iris.name(), iris.description(), iris.dataset(), iris.layers(), iris.config(),
                iris.iterations(), new int[] {0});
        assertFalse(iris.equals(other), "another split");
    }

    private static int[] counts(int[] classes, int k) {
        int[] c = new int[k];
        for (int v : classes) {
            c[v]++;
        }
        return c;
    }
}
