package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The training thread gives way to the window's threads once it runs (its nice value, read from Linux's /proc). */
class BackgroundPriorityTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    /** @return the calling thread's nice value */
    private static int niceHere() {
        try {
            return BackgroundPriority.niceOf(Path.of("/proc/thread-self"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean linuxWithRenice() {
        if (!Files.isSymbolicLink(Path.of("/proc/thread-self"))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("renice", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void trainingRunsBelowTheWindowsPriorityFromItsFirstRunOn() throws Exception {
        assumeTrue(linuxWithRenice(), "Linux with renice (util-linux)");
        int normal = niceHere();
        assumeTrue(normal < BackgroundPriority.NICE, "a test run below nice " + BackgroundPriority.NICE
                + " (above it, there is nothing to lower)");
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(5);
        assertEquals(normal, session.call(BackgroundPriorityTest::niceHere).get(30, TimeUnit.SECONDS),
                "steps alone leave the thread at the app's priority");
        session.run();
        int expected = Math.max(normal, BackgroundPriority.NICE);
        // the thread lowers itself before its first training chunk, without waiting for renice: wait for it here
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> session.call(BackgroundPriorityTest::niceHere).get(30, TimeUnit.SECONDS) == expected);
        assertEquals(Thread.MIN_PRIORITY, session.call(() -> Thread.currentThread().getPriority()).get(30, TimeUnit.SECONDS));
        assertEquals(normal, niceHere(), "only the training thread: not the rest of the app");
    }

    @Test
    void onAnotherThreadItChangesThatThreadOnly() throws Exception {
        assumeTrue(linuxWithRenice(), "Linux with renice (util-linux)");
        int normal = niceHere();
        int[] seen = new int[1];
        boolean[] lowered = new boolean[1];
        Thread t = new Thread(() -> {
            try {
                lowered[0] = BackgroundPriority.lowerCurrentThread().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            seen[0] = niceHere();
        });
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(90));
        assertEquals(normal < BackgroundPriority.NICE, lowered[0], "renice runs when the thread is below nice 10");
        assertEquals(Math.max(normal, BackgroundPriority.NICE), seen[0]);
        assertEquals(normal, niceHere());
    }
}
