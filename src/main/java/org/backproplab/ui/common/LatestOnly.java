package org.backproplab.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One daemon thread that works on the newest request only: a request replaces any that waits, and two jobs start
 * at least {@code minIntervalMs} apart; idle for {@value #IDLE_SECONDS} s, the thread ends. What the job computes it hands to the FX thread itself. Used by the views
 * that picture a snapshot's network off the FX thread and off the training worker (the heatmaps, the loss landscape).
 *
 * @param <Q> a request: everything the job needs, immutable
 */
public final class LatestOnly<Q> {
    /** Seconds the thread waits for the next request before it ends (a new one starts with the next request). */
    static final long IDLE_SECONDS = 1;
    private final long minIntervalMs;
    private final Consumer<Q> job;
    private final AtomicReference<Q> pending = new AtomicReference<>();
    private final ExecutorService thread;
    /** {@link #lastStart} before the first job. */
    private static final long NEVER = Long.MIN_VALUE;
    /** When the last job started, {@link System#nanoTime()}. */
    private volatile long lastStart = NEVER;

    /**
     * @param name          the thread's name
     * @param minIntervalMs the shortest time between the starts of two jobs
     * @param job           runs on the thread with the newest request
     */
    public LatestOnly(String name, long minIntervalMs, Consumer<Q> job) {
        this.minIntervalMs = minIntervalMs;
        this.job = job;
        // the thread ends after a second with nothing to do: an idle view (a closed window, training paused) keeps
        // no thread, and through it no window and no session, alive
        this.thread = new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a job on {@code request}; a request still waiting is dropped. */
    public void submit(Q request) {
        if (pending.getAndSet(request) == null) {
            thread.execute(this::drain);
        }
    }

    /** Stops the thread. */
    public void dispose() {
        thread.shutdownNow();
    }

    /** On the thread: waits out the minimum interval, then works on the newest request. */
    private void drain() {
        // nanoTime: the wall clock can jump (a time-zone change, NTP) and stall the heatmap for as long
        long wait = lastStart == NEVER ? 0 : (lastStart - System.nanoTime()) / 1_000_000 + minIntervalMs;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Q r = pending.getAndSet(null);
        if (r == null) {
            return;
        }
        lastStart = System.nanoTime();
        job.accept(r);
    }
}
