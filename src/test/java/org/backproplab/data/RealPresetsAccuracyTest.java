package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The bar for the real-data presets: at least 95 % accuracy on the held-out test split for at least 9 of
 * 10 seeds (1 … 10; each seed chooses the split, the first weights and the shuffling), trained for the preset's
 * own number of iterations. The figures are the ones docs/data.md reports.
 */
class RealPresetsAccuracyTest {
    static final double BAR = 0.95;
    static final int SEEDS = 10;
    static final int MUST_PASS = 9;

    /** @return the test accuracy of {@code s} after its own iterations */
    static double testAccuracy(Scenario s) {
        Trainer t = s.createTrainer();
        t.train(s.iterations());
        return Accuracy.of(t.network().predict(t.inputs()).getData(), t.targets().getData(), t.testRows());
    }

    private static void reaches(String name, java.util.function.LongFunction<Scenario> preset) {
        List<String> figures = new ArrayList<>();
        int pass = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            double a = testAccuracy(preset.apply(seed));
            figures.add(String.format(Locale.ROOT, "%.1f", 100 * a));
            if (a >= BAR) {
                pass++;
            }
        }
        System.out.println(name + " test accuracy % over seeds 1-10: " + figures);
        int passed = pass;
        assertTrue(passed >= MUST_PASS, () -> name + ": " + passed + " of " + SEEDS + " seeds reach 95 %: " + figures);
    }

    @Test
    void irisReaches95PercentOnTheTestSplit() {
        reaches("iris", RealPresets::iris);
    }

    @Test
    void digitsReach95PercentOnTheTestSplit() {
        reaches("digits", RealPresets::digits);
    }
}
