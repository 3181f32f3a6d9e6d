package org.backproplab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.backproplab.ui.loss.MarkerLayout.Kind;
import org.backproplab.ui.loss.MarkerLayout.Mark;
import org.backproplab.ui.loss.MarkerLayout.Placed;
import org.junit.jupiter.api.Test;

/** Marker lines and labels for a chart of a given width: merged where they would overprint, never overlapping. */
class MarkerLayoutTest {
    /** 7 px per character, as a 12 pt label roughly is. */
    private static final ToDoubleFunction<String> WIDTH = s -> 7.0 * s.length();

    private static Mark edit(long iteration, String text) {
        return new Mark(iteration, text, Kind.EDIT);
    }

    @Test
    void markersAtTheSameIterationShareOneLabel() {
        List<Placed> p = MarkerLayout.place(List.of(edit(300, "loss: mse → bce"), edit(300, "η = 0.5")), 0, 1_000,
                700, WIDTH);
        assertEquals(List.of(new Placed(300, "loss: mse → bce; η = 0.5", Kind.EDIT, 0, false)), p);
    }

    @Test
    void markersTooCloseAtThisScaleMergeAndApartAtAnother() {
        List<Mark> marks = List.of(edit(50_000, "loss: mse → bce"), edit(50_003, "W1[1,1] = 0.5"));
        List<Placed> far = MarkerLayout.place(marks, 0, 100_000, 700, WIDTH);
        assertEquals(1, far.size(), "3 iterations are 0.02 px at this scale: one line");
        assertEquals("loss: mse → bce; W1[1,1] = 0.5", far.get(0).label());
        assertEquals(50_000, far.get(0).iteration());
        List<Placed> near = MarkerLayout.place(marks, 49_990, 50_010, 700, WIDTH);
        assertEquals(2, near.size(), "zoomed in, 3 iterations are 105 px: two lines");
        assertEquals(0, near.get(0).row());
        assertEquals(1, near.get(1).row(), "the second label would run into the first: the next row");
    }

    @Test
    void aLabelAtTheRightEdgeGoesLeftOfItsLine() {
        Placed p = MarkerLayout.place(List.of(edit(990, "loss: mse → bce")), 0, 1_000, 700, WIDTH).get(0);
        assertTrue(p.left());
        Placed q = MarkerLayout.place(List.of(edit(10, "loss: mse → bce")), 0, 1_000, 700, WIDTH).get(0);
        assertFalse(q.left());
    }

    @Test
    void olderEditsAreLinesAndAnInfiniteLossIsAlwaysNamed() {
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(5, "loss = ∞", Kind.NON_FINITE));
        for (int i = 1; i <= 6; i++) {
            marks.add(edit(100L * i, "η = " + i));
        }
        List<Placed> p = MarkerLayout.place(marks, 0, 700, 700, WIDTH);
        assertEquals(7, p.size());
        assertEquals("loss = ∞", p.get(0).label());
        assertEquals(Kind.NON_FINITE, p.get(0).kind());
        for (int i = 1; i <= 3; i++) {
            assertNull(p.get(i).label(), "an older edit is a line");
        }
        assertEquals("η = 6", p.get(6).label());
    }

    @Test
    void noTwoLabelsOverlapAndNoTwoLinesCoincide() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            List<Mark> marks = new ArrayList<>();
            int n = 1 + rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                marks.add(new Mark(rnd.nextInt(2_000), "x".repeat(1 + rnd.nextInt(30)),
                        rnd.nextInt(5) == 0 ? Kind.NON_FINITE : Kind.EDIT));
            }
            double width = 200 + rnd.nextInt(1_500);
            List<Placed> p = MarkerLayout.place(marks, 0, 2_000, width, WIDTH);
            double scale = width / 2_000;
            for (int a = 0; a < p.size(); a++) {
                for (int b = a + 1; b < p.size(); b++) {
                    Placed x = p.get(a);
                    Placed y = p.get(b);
                    assertTrue((y.iteration() - x.iteration()) * scale >= MarkerLayout.MERGE_PX, "lines apart: " + p);
                    if (x.label() != null && y.label() != null && x.row() == y.row()) {
                        double[] sx = span(x, scale);
                        double[] sy = span(y, scale);
                        assertTrue(sx[1] <= sy[0] || sy[1] <= sx[0], "labels overlap: " + x + " and " + y);
                    }
                }
            }
            for (Mark m : marks) {
                if (m.kind() == Kind.NON_FINITE) {
                    assertTrue(p.stream().anyMatch(q -> q.label() != null && List.of(q.label().split("; "))
                            .contains(m.text())), "an infinite loss is always named: " + p);
                }
            }
        }
    }

    private static double[] span(Placed p, double scale) {
        double x = p.iteration() * scale;
        double w = WIDTH.applyAsDouble(p.label());
        return p.left() ? new double[] {x - w, x} : new double[] {x, x + w};
    }
}
