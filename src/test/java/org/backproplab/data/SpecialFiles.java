package org.backproplab.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Paths that are not regular files, made by the tests (a FIFO by {@code mkfifo}), and a way to call code that
 * might block on them without letting a test hang.
 */
public final class SpecialFiles {
    /** How long a call that should answer at once may take before the test calls it a hang. */
    public static final long PATIENCE_SECONDS = 30;
    private static final ExecutorService DAEMONS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "may-block");
        t.setDaemon(true);
        return t;
    });

    private SpecialFiles() {
    }

    /** @return a new FIFO (named pipe) {@code dir/name} with no writer; the test is skipped where mkfifo is missing */
    public static Path fifo(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            throw e;
        }
        assumeTrue(mk.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        assumeTrue(Files.exists(p) && !Files.isRegularFile(p), "no FIFO was made");
        return p;
    }

    /** @return /dev/zero; the test is skipped where it does not exist */
    public static Path devZero() {
        Path p = Path.of("/dev/zero");
        assumeTrue(Files.exists(p), "no /dev/zero here");
        return p;
    }

    /**
     * Calls {@code call} on a daemon thread (left behind if it blocks) and waits for it.
     *
     * @throws java.util.concurrent.TimeoutException after {@value #PATIENCE_SECONDS} s: it blocked
     */
    public static <T> T within(Callable<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        DAEMONS.execute(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }
}
