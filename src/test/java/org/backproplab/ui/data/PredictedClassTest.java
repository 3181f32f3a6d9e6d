package org.backproplab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.junit.jupiter.api.Test;

/** The data table's "class ŷ" column: the largest probability's class, marked when it is not the target's. */
class PredictedClassTest {
    @Test
    void theLargestOutputNamesTheClassAndAWrongOneIsMarked() {
        Dataset d = new Dataset(List.of("x"), List.of("cat", "dog", "bird"), new double[][] {{0}, {1}, {2}},
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, List.of(), null, List.of(), -1);
        RealMatrix out = MatrixUtils.createRealMatrix(new double[][] {{0.7, 0.2, 0.1}, {0.5, 0.3, 0.2}, {0.1, 0.1, 0.8}});
        assertEquals("cat", DataTableViewModel.predictedClass(d, out, 0));
        assertEquals("cat ✗", DataTableViewModel.predictedClass(d, out, 1), "a dog taken for a cat");
        assertEquals("bird", DataTableViewModel.predictedClass(d, out, 2));
        Dataset one = Dataset.of(new double[][] {{0}}, new double[][] {{1}});
        assertEquals("", DataTableViewModel.predictedClass(one, MatrixUtils.createRealMatrix(new double[][] {{0.9}}), 0),
                "one target column: no class column");
    }
}
