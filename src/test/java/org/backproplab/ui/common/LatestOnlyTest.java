package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The thread behind the heatmaps works on the newest request only, and ends when it has nothing to do, so that a
 * closed window (and its session, reachable from the job) is not kept alive by it.
 */
class LatestOnlyTest {
    private static boolean alive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void theNewestRequestWinsAndTheIdleThreadEnds() throws Exception {
        String name = "latest-only-test-" + System.nanoTime();
        List<Integer> done = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LatestOnly<Integer> worker = new LatestOnly<>(name, 0, r -> {
            done.add(r);
            first.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.submit(1);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        for (int i = 2; i <= 5; i++) {
            worker.submit(i); // while 1 runs: each replaces the one waiting
        }
        assertTrue(alive(name));
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() == 2);
        assertEquals(List.of(1, 5), done, "the first, then only the newest");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !alive(name));
        worker.submit(6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.contains(6));
        worker.dispose();
    }
}
