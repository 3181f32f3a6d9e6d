package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked loss series against a plain array, across chunk and block boundaries. */
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
        double lo = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.points(); i++) {
            lo = Math.min(lo, Double.isNaN(c.min()[i]) ? lo : c.min()[i]);
        }
        assertTrue(c.points() <= 100 && c.last()[c.points() - 1] == cut + 1, "curve covers the whole series");
    }

    @Test
    void anAllNaNSeriesAllocatesNoChunks() {
        LossSeries s = new LossSeries();
        for (int i = 0; i < 2 * LossSeries.CHUNK; i++) {
            s.add(Double.NaN);
        }
        assertTrue(s.bytes() < LossSeries.CHUNK, "only block summaries, no 512 KB chunk: " + s.bytes());
        s.add(1.0);
        assertTrue(Double.isNaN(s.get(5)));
        assertEquals(1.0, s.get(2 * LossSeries.CHUNK));
        assertEquals(2 * LossSeries.CHUNK + 1, s.toArray().length);
    }
}
