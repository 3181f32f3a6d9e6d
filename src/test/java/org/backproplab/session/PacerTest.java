package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The speeds a teacher names are kept exactly: at s iterations per second, t seconds make ⌊s·t⌋ iterations. */
class PacerTest {
    @Test
    void namedSpeedsAreExact() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        Pacer p = new Pacer(now::get);
        for (double speed : new double[] {1, 2, 5, 10, 100, 1000}) {
            p.setSpeed(speed, 10);
            long start = now.get();
            for (long ms = 0; ms <= 3000; ms += 50) {
                now.set(start + ms * 1_000_000L);
                assertEquals(10 + (long) Math.floor(speed * ms / 1000.0 + 1e-9), p.target(),
                        speed + " it/s after " + ms + " ms");
            }
            now.set(start + 3_000_000_000L);
            assertEquals(10 + 3 * (long) speed, p.target(), "three seconds at " + speed + " it/s");
        }
        p.setSpeed(TrainingSession.MAX_SPEED, 10);
        assertEquals(Long.MAX_VALUE, p.target(), "max: as fast as the machine goes");
    }

    @Test
    void theWorkerWaitsForTheNextIterationAtMostOnePublishPeriod() {
        AtomicLong now = new AtomicLong(0);
        Pacer p = new Pacer(now::get);
        p.setSpeed(2, 0);
        assertEquals(TrainingSession.PUBLISH_NANOS, p.idleNanos(0), "the next is due in 0.5 s: wait a publish period");
        now.set(499_000_000L);
        assertEquals(1_000_000L, p.idleNanos(0));
        now.set(500_000_000L);
        assertEquals(0, p.idleNanos(0), "due now");
        assertEquals(1, p.target());
    }
}
