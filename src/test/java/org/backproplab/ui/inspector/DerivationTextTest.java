package org.backproplab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sums show every non-zero term and collapse the zeros; lines break like a blackboard, never inside a number. */
class DerivationTextTest {
    private static final Pattern NUMBER = Pattern.compile("−?\\d+(\\.\\d+)?(e−?\\d+)?");

    @Test
    void everyNonZeroTermIsWrittenAndTheZerosCollapse() {
        double[] a = {0, 0.5, 0, 1, 2, 0, 3, 0.25, 0, 0, 0.125, 7};
        double[] w = {0.1, 0.2, 0.3, 0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.1, 1.2, 1.3};
        String s = Sums.products(a, w);
        assertEquals("(0.5)(0.2) + (2)(0.5) + (3)(0.7) + (0.25)(0.8) + (0.125)(1.2) + (7)(1.3) + 6 terms that are 0", s);
        assertFalse(s.contains("…"), "no non-zero term hidden behind …");
        assertEquals("1 term that is 0", Sums.zeros(1));
        assertEquals("0.5956 + 0.6596 + 2 terms that are 0", Sums.terms(new double[] {0.5956, 0, 0.6596, 0}));
        assertEquals("3 terms that are 0", Sums.terms(new double[] {0, 0, 0}));
    }

    @Test
    void aChainBreaksAtItsEqualsSignsAndASumBeforeItsTerms() {
        String line = "σ'(z_j) = a_j(1 − a_j) = 0.5345·(1 − 0.5345) = 0.2488";
        assertEquals(List.of(line), DerivationWrap.wrap(line, 60));
        assertEquals(List.of("σ'(z_j) = a_j(1 − a_j)", "    = 0.5345·(1 − 0.5345)", "    = 0.2488"),
                DerivationWrap.wrap(line, 40));
        assertEquals(List.of("σ'(z_j) = a_j(1 − a_j)", "  = 0.5345·(1 − 0.5345)", "  = 0.2488"),
                DerivationWrap.wrap(line, 30), "a narrow panel indents by two");
        String sum = "    = (0.01234)(−0.5) + (0.2)(0.3) + (0.4)(0.5) + (0.6)(0.7) + 3 terms that are 0 = 0.1381";
        List<String> lines = DerivationWrap.wrap(sum, 40);
        assertEquals(List.of("    = (0.01234)(−0.5) + (0.2)(0.3)", "        + (0.4)(0.5) + (0.6)(0.7)",
                "        + 3 terms that are 0", "    = 0.1381"), lines, "the chain's = stays under its own");
    }

    @Test
    void noLineIsWiderThanAskedAndNoNumberIsCut() {
        String[] samples = {
            "δ_j = (Σ_k δ_k·W2_jk)·σ'(z_j)",
            "    = ((0.2616)(0.343) + (−0.0123)(0.9)) ·(0.2488) = (0.08974)·(0.2488) = 0.02233",
            "∂L/∂W_ij = Σ over 32 samples of δ_j·a_i   (h2.13→h3.12)",
            "  sample 0 xor 0: δ_j·a_i = (0.02233)·(0) = 0",
            "L = (1/32)(0.001234 + 0.005678 + 0.0001234 + 0.0004321 + 0.9876 + 30 terms that are 0) = 0.0123"};
        for (String line : samples) {
            for (int cols = 26; cols <= 60; cols += 2) {
                List<String> out = DerivationWrap.wrap(line, cols);
                for (String l : out) {
                    assertTrue(l.length() <= cols, cols + " columns: '" + l + "' of " + out);
                }
                assertEquals(numbers(line), numbers(String.join(" ", out)), "every number whole at " + cols + ": " + out);
            }
        }
    }

    private static List<String> numbers(String s) {
        Matcher m = NUMBER.matcher(s);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
