package org.backproplab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C as a flag that a long command checks between units of work, so that it can end cleanly: the command
 * sees {@link #requested()}, prints one line and returns {@link #EXIT_STATUS}. Ctrl+C starts the JVM's
 * shutdown; the hook installed here raises the flag and waits (at most {@link #GRACE_MILLIS} ms) until the
 * command has {@linkplain #close() finished}, so that its line is printed before the JVM exits, with status
 * 130 (128 + SIGINT) as a shell expects after Ctrl+C.
 */
final class CtrlC implements AutoCloseable {
    /** The exit status of a command ended by Ctrl+C: 128 + 2 (SIGINT). */
    static final int EXIT_STATUS = 130;
    /** How long the shutdown waits for the command to print its last line. */
    static final long GRACE_MILLIS = 5_000;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private CtrlC(boolean install) {
        hook = install ? new Thread(this::onShutdown, "backprop-lab-ctrl-c") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** @return a flag raised by Ctrl+C (or any other shutdown of the JVM) until {@link #close()} */
    static CtrlC install() {
        return new CtrlC(true);
    }

    /** @return a flag raised only by {@link #request()} (for tests) */
    static CtrlC manual() {
        return new CtrlC(false);
    }

    /** Raises the flag, as Ctrl+C does. */
    void request() {
        requested = true;
    }

    /** @return whether Ctrl+C was pressed */
    boolean requested() {
        return requested;
    }

    private void onShutdown() {
        request();
        try {
            finished.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is done (and has printed what it had to): the shutdown may go on; the hook is removed. */
    @Override
    public void close() {
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C came: the hook is running and now returns
            }
        }
    }
}
