package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
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
 * value is set to {@value #NICE} with {@code renice} (util-linux), if it is below that: the thread's id is the last
 * part of the link {@code /proc/thread-self}, and raising one's own nice value needs no privilege. The thread does
 * not wait for {@code renice} (a {@code renice} that has not ended after {@value #WAIT_SECONDS} s is stopped). On
 * other systems, or if {@code renice} is missing or fails, the thread keeps its priority and trains as before.
 */
final class BackgroundPriority {
    /** The thread's nice value on Linux (0 is normal, 19 the lowest priority). */
    static final int NICE = 10;
    /** How long {@code renice} may take before it is stopped. */
    private static final long WAIT_SECONDS = 5;

    private BackgroundPriority() {
    }

    /**
     * Lowers the priority of the calling thread; prints nothing, throws nothing, and does not wait.
     *
     * @return completes with true once the operating system's priority of the thread is lowered (Linux), with false
     *         if only the Java priority was set (other systems, a nice value already at or above {@value #NICE},
     *         {@code renice} missing, failed or stopped)
     */
    static CompletableFuture<Boolean> lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        Path self = Path.of("/proc/thread-self");
        try {
            if (!Files.isSymbolicLink(self) || niceOf(self) >= NICE) {
                return CompletableFuture.completedFuture(false);
            }
            String tid = Files.readSymbolicLink(self).getFileName().toString(); // the link reads "<pid>/task/<tid>"
            Process renice = new ProcessBuilder("renice", "--priority", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.onExit().orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                    .handle((p, timedOut) -> {
                        if (timedOut != null) {
                            renice.destroy();
                            return false;
                        }
                        return p.exitValue() == 0;
                    });
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.completedFuture(false);
        }
    }

    /** @return the nice value of the thread whose {@code /proc} folder is {@code task} (field 19 of its stat line) */
    static int niceOf(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // the name in parentheses may hold spaces
        try {
            return Integer.parseInt(after[16]); // after[0] is field 3
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("unexpected " + task.resolve("stat") + ": " + stat, e);
        }
    }
}
