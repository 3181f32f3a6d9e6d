package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The settings whose equals and hashCode are written out ({@link Regularization}, {@link BatchMode}: a record's own
 * are linked at their first call, during the window's start) compare as a record's own would: every pair of values
 * is equal exactly when records of the same components are (doubles by {@code Double.compare}, so 0 and -0 differ),
 * and equal ones have equal hash codes.
 */
class WrittenOutSettingsEqualityTest {
    /** What the generated methods compare: the same components. */
    private record RegularizationComponents(Regularization.Kind kind, double lambda) {
    }

    private record BatchModeComponents(int size) {
    }

    @Test
    void regularizationsAreEqualWhenARecordOfTheirComponentsIs() {
        List<Regularization> all = List.of(Regularization.NONE, new Regularization(Regularization.Kind.NONE, 0.0),
                new Regularization(Regularization.Kind.NONE, -0.0), new Regularization(Regularization.Kind.L1, 0.0),
                new Regularization(Regularization.Kind.L2, 0.0), new Regularization(Regularization.Kind.L2, -0.0),
                new Regularization(Regularization.Kind.L2, 0.01),
                new Regularization(Regularization.Kind.L2, 0.01), new Regularization(Regularization.Kind.L1, 0.01),
                new Regularization(Regularization.Kind.L2, 0.010000000000000002));
        for (Regularization a : all) {
            for (Regularization b : all) {
                boolean expected = new RegularizationComponents(a.kind(), a.lambda())
                        .equals(new RegularizationComponents(b.kind(), b.lambda()));
                assertEquals(expected, a.equals(b), a + " and " + b);
                if (expected) {
                    assertEquals(a.hashCode(), b.hashCode(), a + " and " + b);
                }
            }
            assertEquals(false, a.equals(null), a + " and null");
            assertEquals(false, a.equals(new RegularizationComponents(a.kind(), a.lambda())), a + " and another type");
        }
    }

    @Test
    void batchModesAreEqualWhenARecordOfTheirSizeIs() {
        List<BatchMode> all = List.of(BatchMode.FULL, BatchMode.SAMPLE, BatchMode.miniBatch(1), BatchMode.miniBatch(32),
                BatchMode.miniBatch(32), BatchMode.miniBatch(64));
        for (BatchMode a : all) {
            for (BatchMode b : all) {
                boolean expected = new BatchModeComponents(a.size()).equals(new BatchModeComponents(b.size()));
                assertEquals(expected, a.equals(b), a + " and " + b);
                if (expected) {
                    assertEquals(a.hashCode(), b.hashCode(), a + " and " + b);
                }
            }
            assertEquals(false, a.equals(null), a + " and null");
        }
    }
}
