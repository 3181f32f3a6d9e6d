package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The chunked loss series against a plain array, across chunk and block boundaries, and its NaN convention. */
class LossSeriesTest {
    @Test
    void chunkedStorageMatchesAPlainArray() {
        int n = 3 * LossSeries.CHUNK + 123;
        double[] ref = new double[n];
        Random rnd = new Random(7);
        LossSeries s = new LossSeries();
        for (int i = 0; i < n; i++) {
            ref[i] = i % 9_999 == 0 ? Double.NaN : rnd.nextDouble();
            s.add(ref[i]);
        }
        assertArrayEquals(ref, s.toArray());
        assertEquals(ref[LossSeries.CHUNK], s.get(LossSeries.CHUNK));
        int cut = 2 * LossSeries.CHUNK - 5;
        s.truncate(cut);
        assertEquals(cut, s.size());
        s.add(0.5);
        assertEquals(0.5, s.get(cut));
        LossCurve c = s.curve(100, 0);
        assertEquals(cut, c.iterations()[c.points() - 1], "the curve covers the whole series");
        assertEquals(0.5, c.latest());
    }

    @Test
    void anAllNaNSeriesAllocatesNoChunks() {
        LossSeries s = new LossSeries();
        for (int i = 0; i < 2 * LossSeries.CHUNK; i++) {
            s.skip();
        }
        assertTrue(s.bytes() < LossSeries.CHUNK, "only block summaries, no 512 KB chunk: " + s.bytes());
        assertEquals(0, s.curve(1000, 0).points(), "no value, nothing drawn");
        s.add(1.0);
        assertTrue(Double.isNaN(s.get(5)));
        assertEquals(1.0, s.get(2 * LossSeries.CHUNK));
        assertEquals(2 * LossSeries.CHUNK + 1, s.toArray().length);
    }

    @Test
    void entryJIsIterationStartPlusJ() {
        LossSeries s = new LossSeries();
        s.add(1.34);
        s.add(1.07);
        LossCurve c = s.curve(1000, 40);
        assertArrayEquals(new long[] {40, 41}, c.iterations(), "entry 0 is the loss at the start, after 40 updates");
        assertArrayEquals(new double[] {1.34, 1.07}, c.losses());
        assertEquals(2, c.count());
        assertEquals(40, c.start());
        assertEquals(1, c.bucket(), "drawn whole");
    }

    @Test
    void aNaNLossThatWasEvaluatedIsStoredAsInfinityAndDrawn() {
        LossSeries s = new LossSeries();
        for (int i = 0; i < 10_000; i++) {
            s.addEvaluated(1.0 / (1 + i));
        }
        s.skip();
        s.addEvaluated(Double.NaN);
        assertTrue(Double.isNaN(s.get(10_000)), "not evaluated stays NaN");
        assertEquals(Double.POSITIVE_INFINITY, s.get(10_001), "a diverged loss is infinite, not 'no value'");
        LossCurve c = s.curve(100, 0);
        assertEquals(10_001, c.iterations()[c.points() - 1], "the infinite loss is drawn");
        assertEquals(Double.POSITIVE_INFINITY, c.losses()[c.points() - 1]);
        assertEquals(Double.POSITIVE_INFINITY, c.latest());
    }

    @Test
    void truncatingInsideABlockKeepsItsSummaryTrue() {
        LossSeries s = new LossSeries();
        double[] v = series(5_000, i -> i == 4_321 ? 50.0 : i == 4_300 ? -1.0 : Math.sin(i / 17.0));
        for (double x : v) {
            s.add(x);
        }
        s.truncate(4_310);
        for (int i = 0; i < 30; i++) {
            s.add(0.25);
        }
        double[] now = s.toArray();
        assertEquals(4_340, now.length);
        CurveTruth.assertFaithful(now, s.curve(10, 0), 10);
        CurveTruth.assertFaithful(now, s.curve(1_000, 0), 1_000);
    }

    static double[] series(int n, IntToDoubleFunction f) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return v;
    }
}
