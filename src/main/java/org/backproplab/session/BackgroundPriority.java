package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Puts the training thread behind the window's threads when they want the same processor: on a 2-core classroom
 * PC, training at full speed takes a whole core, and the window's events, layout and drawing (and the display
 * server) share the other; at the same priority the scheduler made a frame late whenever they met. Training then
 * gives way for the few milliseconds a frame needs, and takes every cycle the window leaves idle, so it trains
 * about as fast as before.
 *
 * <p>The thread gets {@link Thread#MIN_PRIORITY} (honoured by the JVM on Windows). On Linux, where the JVM leaves
 * every thread at the process's priority unless started with {@code -XX:ThreadPriorityPolicy=1}, the thread's nice
 * value is set to {@value #NICE} with {@code renice} (util-linux): the thread's id is the last part of the link
 * {@code /proc/thread-self}, and raising one's own nice value needs no privilege. On other systems, if the app
 * already runs at a nice value above that, or if {@code renice} fails, the thread keeps its priority and trains
 * as before.
 */
final class BackgroundPriority {
    /** The thread's nice value on Linux (0 is normal, 19 the lowest priority). */
    static final int NICE = 10;
    /** How long {@code renice} may take before it is given up. */
    private static final long WAIT_SECONDS = 5;

    private BackgroundPriority() {
    }

    /**
     * Lowers the priority of the calling thread, once; prints nothing, throws nothing.
     *
     * @return true if the operating system's priority of the thread was lowered (Linux), false if only the Java
     *         priority was set
     */
    static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        Path self = Path.of("/proc/thread-self");
        if (!Files.isSymbolicLink(self)) {
            return false;
        }
        Process renice = null;
        try {
            String tid = Files.readSymbolicLink(self).getFileName().toString(); // the link reads "<pid>/task/<tid>"
            renice = new ProcessBuilder("renice", "--priority", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (renice != null && renice.isAlive()) {
                renice.destroy();
            }
        }
    }
}
