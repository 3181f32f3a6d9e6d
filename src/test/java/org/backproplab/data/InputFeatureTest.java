package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived inputs' maths, their names, and how a data set keeps its derived columns true to them. */
class InputFeatureTest {
    private static final List<InputFeature> ALL = List.of(InputFeature.values());

    @Test
    void eachFeatureIsItsFormula() {
        double x1 = 0.75;
        double x2 = -2.5;
        assertEquals(0.5625, InputFeature.X1_SQUARED.value(x1, x2), 0.0);
        assertEquals(6.25, InputFeature.X2_SQUARED.value(x1, x2), 0.0);
        assertEquals(-1.875, InputFeature.X1_TIMES_X2.value(x1, x2), 0.0);
        assertEquals(0.6816387600233341, InputFeature.SIN_X1.value(x1, x2), 1e-15);
        assertEquals(-0.5984721441039564, InputFeature.SIN_X2.value(x1, x2), 1e-15);
        assertEquals(List.of("x1²", "x2²", "x1·x2", "sin x1", "sin x2"), ALL.stream().map(InputFeature::formula).toList());
        assertEquals("weight·height", InputFeature.X1_TIMES_X2.formula("weight", "height"));
    }

    @Test
    void listsParseInAnyOrderAndComeBackInOne() {
        assertEquals(List.of(InputFeature.X1_SQUARED, InputFeature.X1_TIMES_X2, InputFeature.SIN_X2),
                InputFeature.parseList(" sin2, x1x2,x1sq ", "--features"));
        assertEquals(List.of(), InputFeature.parseList("none", "--features"));
        assertEquals(List.of(), InputFeature.parseList("", "--features"));
        assertEquals("x1sq,x2sq,x1x2,sin1,sin2", InputFeature.idList(ALL));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> InputFeature.parseList("x1sq,cos1", "--features"));
        assertEquals("--features: 'cos1' is not an input feature: expected one of x1sq, x2sq, x1x2, sin1, sin2",
                bad.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> InputFeature.parseList("x1sq,x1sq", "--features"));
        assertTrue(twice.getMessage().contains("'x1sq' is named twice"), twice.getMessage());
    }

    @Test
    void derivedColumnsFollowTheTwoInputsAfterTheBiasColumn() {
        Dataset xor = Presets.xor().dataset(); // x1, x2 and the bias column x3
        Dataset d = xor.withFeatures(List.of(InputFeature.X1_TIMES_X2, InputFeature.X1_SQUARED));
        assertEquals(List.of("x1", "x2", "x3", "x1²", "x1·x2"), d.inputNames());
        assertEquals(List.of(InputFeature.X1_SQUARED, InputFeature.X1_TIMES_X2), d.features());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, d.inputs().getRow(3), 0.0);
        assertArrayEquals(new double[] {1, 0, 1, 1, 0}, d.inputs().getRow(2), 0.0);
        assertTrue(d.isDerived(3) && d.isDerived(4) && !d.isDerived(2));
        assertArrayEquals(new double[] {0.5, -2, 1, 0.25, -1}, d.inputAt(0.5, -2), 0.0);
        assertEquals(2, d.biasColumn());
        // features replace features: off again, the data set is the one it was
        Dataset off = d.withFeatures(List.of());
        assertEquals(xor.inputNames(), off.inputNames());
        assertArrayEquals(xor.inputs().getData(), off.inputs().getData());
    }

    @Test
    void anEditedInputTakesItsDerivedInputsAlongAndADerivedOneIsRefused() {
        Dataset d = Generators.circle(4, 0, 1).withFeatures(ALL);
        Dataset e = d.withInput(1, 0, 3.0);
        assertEquals(9.0, e.input(1, 2), 0.0);
        assertEquals(3.0 * e.input(1, 1), e.input(1, 4), 0.0);
        assertEquals(StrictMath.sin(3.0), e.input(1, 5), 0.0);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> d.withInput(1, 2, 4.0));
        assertEquals("x1² is a derived input, computed from x1 and x2: change one of those instead", refused.getMessage());
        // rows added as copies get their derived inputs computed from their own x1, x2
        double[][] x = {{2, 3, 0, 0, 0, 0, 0}};
        Dataset one = d.withSamples(x, new double[][] {{1}}, List.of());
        assertArrayEquals(new double[] {2, 3, 4, 9, 6, StrictMath.sin(2), StrictMath.sin(3)}, one.inputs().getRow(0), 0.0);
    }

    @Test
    void aDataSetWhoseDerivedColumnIsNotItsFormulaIsRefused() {
        Dataset d = Generators.circle(3, 0, 1).withFeatures(List.of(InputFeature.X2_SQUARED));
        double[][] x = d.inputs().getData();
        x[2][2] = 0.5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dataset(d.inputNames(),
                d.targetNames(), x, d.targets().getData(), List.of(), null, List.of(), -1, d.features()));
        assertTrue(e.getMessage().startsWith("input row 3, column 3 (x2²) is 0.5 but x2² of that row is "), e.getMessage());
    }

    @Test
    void onlyATwoInputDataSetTakesFeatures() {
        Dataset gender = Presets.gender().dataset();
        assertTrue(gender.takesFeatures());
        assertEquals(List.of("weight", "height", "weight²"),
                gender.withFeatures(List.of(InputFeature.X1_SQUARED)).inputNames());
        Dataset iris = Presets.get("iris").dataset();
        assertFalse(iris.takesFeatures());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> iris.withFeatures(List.of(InputFeature.X1_SQUARED)));
        assertEquals("input features need a data set with two inputs (not counting a bias column): this one has 4",
                e.getMessage());
    }

    @Test
    void theFeaturesStayOnANewDataSetOfTwoInputsAsTheLayersDo() {
        Scenario spirals = Presets.get("spiral-features");
        Scenario circle = Scenarios.forDataset(spirals, Generators.circle(50, 0.1, 2), "circle", "circle: 50 samples");
        assertEquals(ALL, circle.dataset().features());
        assertEquals(7, circle.dataset().inputSize());
        Scenario iris = Scenarios.forDataset(spirals, Presets.get("iris").dataset(), "iris", "iris");
        assertEquals(List.of(), iris.dataset().features(), "four inputs take no features");
        Scenario plain = Scenarios.forDataset(Presets.get("xor-bias"), Generators.circle(50, 0.1, 2), "circle", "c");
        assertEquals(List.of(), plain.dataset().features());
    }
}
