package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.data.Presets;
import org.backproplab.engine.HandWorkedNetwork;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the hand-checked 2-2-1 network of {@code engine.HandWorkedExampleTest} (sigmoid,
 * biases, mse, two samples, η = 0.5): CSV carries the exact doubles (checked against the hand-computed
 * literals and the trace), Markdown and LaTeX the same numbers rounded to 6 significant digits.
 */
class WorkedExampleTest {
    /** Markdown and LaTeX numbers have 6 significant digits: rounding error below 5e-6 relative. */
    static final double SIX_DIGITS = 5e-6;

    private Trainer trainer;
    private WorkedExample example;
    private IterationTrace trace;

    @BeforeEach
    void setUp() {
        trainer = HandWorkedNetwork.trainer(0.5);
        example = WorkedExample.nextIteration("hand-worked", trainer);
        trace = trainer.trace();
    }

    @Test
    void csvHasEveryNumberExactly() {
        Map<String, Double> v = parseCsv(example.csv());
        assertEquals(65, v.size(), "x 4, y 2, W/b before 9, z a 12, losses 5, backward 15, updates 9, after 9");
        assertEquals(-0.2, v.get("x,0,2,1"));
        assertEquals(0.99, v.get("y,2,2,1"));
        assertEquals(0.15, v.get("W_before,1,1,1"));
        assertEquals(-0.1, v.get("b_before,1,1,2"));
        assertEquals(0.3775, v.get("z,1,1,1"), 1e-15);
        assertEquals(0.598687660112452, v.get("a,1,2,1"), 1e-15);
        assertEquals(0.7418949585780338, v.get("a,2,1,1"), 1e-15);
        assertEquals(0.5356702303919417, v.get("sample_loss,2,1,1"), 1e-15);
        assertEquals(0.2983641321080563, v.get("L,2,1,1"), 1e-15);
        assertEquals(-0.24709923881746543, v.get("dL_dyhat,2,2,1"), 1e-15);
        assertEquals(0.14014824478982943, v.get("delta,2,1,1"), 1e-15);
        assertEquals(-0.005308328753612574, v.get("delta,1,2,2"), 1e-15);
        assertEquals(0.0018493483793397662, v.get("dL_dW,1,1,2"), 1e-15);
        assertEquals(0.09295248285949279, v.get("dL_db,2,1,1"), 1e-15);
        assertEquals(-0.02744511390150033, v.get("dW,2,1,1"), 1e-15);
        assertEquals(-0.0052226619093662255, v.get("db,1,1,2"), 1e-15);
        assertEquals(0.4275919465152497, v.get("W_after,2,2,1"), 1e-15);
        assertEquals(-0.10522266190936623, v.get("b_after,1,1,2"), 1e-15);
        // and bit for bit what the engine computed
        assertEquals(trace.deltas().get(1).getEntry(1, 0), v.get("delta,1,2,1"));
        assertEquals(trace.weightUpdates().get(1).getEntry(1, 1), v.get("dW,1,2,2"));
        assertEquals(trainer.network().layer(1).weight(1, 0), v.get("W_after,1,2,1"));
    }

    @Test
    void markdownTablesHoldTheSameNumbersToSixDigits() {
        String md = example.markdown();
        assertTrue(md.startsWith("# Worked example: hand-worked, iteration 1\n"), md.substring(0, 60));
        for (String formula : List.of("z1 = a0 · W1 + b1", "δ1 = (δ2 · W2ᵀ) ⊙ f'(z1)", "∂L/∂W2 = a1ᵀ · δ2",
                "ΔW = −η·∂L/∂W with η = 0.5", "L = (1/n) Σ_samples Σ_outputs (ŷ − y)²")) {
            assertTrue(md.contains(formula), formula);
        }
        assertTrue(md.contains("| 1 | 0.3775 | -0.0575 |"), "z1 row 1");
        assertTrue(md.contains("| 2 | 0.4 | -0.03 |"), "z1 row 2");
        assertTrue(md.contains("| 1 | -0.00079175 | -0.000924674 |"), "ΔW1 row 1");
        List<Double> tableNumbers = new ArrayList<>();
        String[] lines = md.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i + 1 < lines.length && lines[i + 1].startsWith("|---")) {
                continue;
            }
            if (lines[i].startsWith("| ")) {
                String[] cells = lines[i].split("\\|");
                for (int c = 2; c < cells.length; c++) {
                    tableNumbers.add(Double.parseDouble(cells[c].trim()));
                }
            }
        }
        assertSameNumbers(new ArrayList<>(parseCsv(example.csv()).values()), tableNumbers);
    }

    @Test
    void latexIsACompleteDocumentWithTheSameNumbers() {
        String tex = example.latex();
        assertTrue(tex.startsWith("\\documentclass"), "document class first");
        assertTrue(tex.contains("\\usepackage{amsmath}"));
        assertTrue(tex.contains("\\begin{document}") && tex.trim().endsWith("\\end{document}"));
        assertEquals(count(tex, "\\begin{bmatrix}"), count(tex, "\\end{bmatrix}"));
        assertEquals(count(tex, "{"), count(tex, "}"), "braces balanced");
        assertEquals(count(tex, "\\["), count(tex, "\\]"), "display math balanced");
        assertTrue(tex.contains("\\Delta W = -\\eta \\frac{\\partial L}{\\partial W}, \\quad \\eta = 0.5"));
        assertTrue(tex.contains("W^{2} = \\begin{bmatrix}\n  0.4 \\\\\n  0.45\n\\end{bmatrix}"), "W2 before");
        assertTrue(tex.contains("L = 0.298364 \\]"), "the loss as a scalar");
        List<Double> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\\\\\[ (?!.*eta).* = (-?[0-9.]+(?: \\\\cdot 10\\^\\{-?[0-9]+\\})?) \\\\\\]$|^  (.*?)(?: \\\\\\\\)?$").matcher(tex);
        while (m.find()) {
            String cells = m.group(1) != null ? m.group(1) : m.group(2);
            for (String cell : cells.split(" & ")) {
                numbers.add(Double.parseDouble(cell.trim().replaceAll(" \\\\cdot 10\\^\\{(-?[0-9]+)\\}", "e$1")));
            }
        }
        assertSameNumbers(new ArrayList<>(parseCsv(example.csv()).values()), numbers);
    }

    @Test
    void aWideMatrixIsShownInPartsThatFitThePage() {
        // relu-mlp has 16-neuron layers: compiled here with pdflatex, no overfull boxes
        String tex = WorkedExample.nextIteration("relu-mlp", Presets.get("relu-mlp").createTrainer()).latex();
        assertTrue(tex.contains("W^{2}\\;(\\text{columns } 13\\text{--}16) = \\begin{bmatrix}"), "W2 in parts");
        for (String line : tex.split("\n")) {
            if (line.startsWith("  ")) {
                assertTrue(line.split(" & ").length <= WorkedExampleFormats.PAGE_COLUMNS, line);
            }
        }
        assertEquals(count(tex, "{"), count(tex, "}"), "braces balanced");
        assertTrue(!tex.contains("textasciicircum"), "no caret typed as text");
    }

    @Test
    void refusesAnIncompleteIteration() {
        Trainer t = trainer;
        t.stepPhase();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkedExample.nextIteration("x", t));
        assertTrue(e.getMessage().contains("middle of iteration 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WorkedExample.of("x", t.network(), t.trace(), t.network(), t.config()));
        assertTrue(e.getMessage().contains("only 1 of 6 phases have run"), e.getMessage());
    }

    @Test
    void formatsSixSignificantDigits() {
        assertEquals("0.298364", WorkedExample.format(0.2983641321080563));
        assertEquals("-1.5e-7", WorkedExample.format(-1.5e-7));
        assertEquals("0", WorkedExample.format(0.0));
        assertEquals("NaN", WorkedExample.format(Double.NaN));
        assertEquals("-Infinity", WorkedExample.format(Double.NEGATIVE_INFINITY));
        assertEquals("-1.5 \\cdot 10^{-7}", WorkedExampleFormats.texNumber(-1.5e-7));
    }

    private static void assertSameNumbers(List<Double> exact, List<Double> rounded) {
        assertEquals(exact.size(), rounded.size(), "one number per CSV value");
        for (int i = 0; i < exact.size(); i++) {
            double e = exact.get(i);
            assertEquals(e, rounded.get(i), Math.abs(e) * SIX_DIGITS + 1e-300, "number " + i);
        }
    }

    private static Map<String, Double> parseCsv(String csv) {
        String[] lines = csv.split("\n");
        assertEquals("quantity,layer,row,column,value", lines[0]);
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int last = lines[i].lastIndexOf(',');
            v.put(lines[i].substring(0, last), Double.parseDouble(lines[i].substring(last + 1)));
        }
        return v;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
