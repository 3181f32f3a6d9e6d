package org.backproplab.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The training thread of a {@link TrainingSession}: takes commands in order, trains while Run is on, publishes
 * immutable snapshots (the latest one in a volatile field), completes every future it hands out, and survives a
 * command that breaks (the failure is reported in the next snapshot). The only class that runs
 * {@link SessionCore}. From the first time it runs on, it has a lower priority than the window's threads
 * ({@link BackgroundPriority}).
 */
final class Worker {
    /** Publishing takes at most one part in this many of the worker's time while running. */
    private static final int PUBLISH_SHARE = 5;

    private final SessionCore core;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    /** Futures handed out and not yet completed: completed exceptionally if the session closes first. */
    private final java.util.Set<CompletableFuture<?>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile Snapshot latest;
    /** How long the last snapshot took to make (worker only). */
    private long publishCost;
    private volatile boolean closed;
    private volatile Consumer<Snapshot> listener = s -> { };

    /** Starts the thread on {@code core}, whose first snapshot is published at once. */
    Worker(SessionCore core) {
        this.core = core;
        this.latest = core.snapshot(0);
        this.thread = new Thread(this::loop, "backprop-lab-training");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the latest published snapshot (never null) */
    Snapshot latest() {
        return latest;
    }

    void setListener(Consumer<Snapshot> l) {
        this.listener = l == null ? s -> { } : l;
    }

    /** Stops the thread; every future not yet completed completes exceptionally. */
    void close() {
        closed = true;
        thread.interrupt();
        for (CompletableFuture<?> f : pending) {
            f.completeExceptionally(new IllegalStateException("the training session is closed"));
        }
    }

    /** Runs {@code job} on the worker and completes the future with its value, or exceptionally with what it threw. */
    <T> CompletableFuture<T> call(java.util.function.Supplier<T> job) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new IllegalStateException("the training session is closed"));
            return f;
        }
        pending.add(f);
        f.whenComplete((v, e) -> pending.remove(f));
        try {
            submit(() -> {
                try {
                    f.complete(job.get());
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                    throw e;
                }
            });
        } catch (IllegalStateException closedMeanwhile) {
            f.completeExceptionally(closedMeanwhile);
        }
        if (closed) {
            f.completeExceptionally(new IllegalStateException("the training session is closed"));
        }
        return f;
    }

    /** Queues {@code command} for the worker. */
    void submit(Runnable command) {
        if (closed) {
            throw new IllegalStateException("the training session is closed");
        }
        commands.add(command);
    }

    private void loop() {
        long lastPublish = System.nanoTime();
        boolean lowered = false; // put behind the window's threads the first time it runs
        while (!closed) {
            try {
                Runnable c = core.running ? commands.poll(core.idleNanos(), TimeUnit.NANOSECONDS) : commands.take();
                if (c != null) {
                    do {
                        execute(c);
                        c = commands.poll();
                    } while (c != null);
                    publish();
                    lastPublish = System.nanoTime();
                }
                if (core.running) {
                    if (!lowered) {
                        lowered = true;
                        BackgroundPriority.lowerCurrentThread();
                    }
                    long every = publishInterval();
                    boolean stopped = core.trainChunk(lastPublish + every);
                    long now = System.nanoTime();
                    if (stopped || now - lastPublish >= every) {
                        publish();
                        lastPublish = now;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                recover(e);
            }
        }
    }

    /**
     * While running: publish every {@value TrainingSession#PUBLISH_NANOS} ns, or less often when a snapshot costs more than a fifth
     * of that (a large data set's evaluation), so that publishing never takes more than a fifth of the worker's time.
     */
    private long publishInterval() {
        return Math.max(TrainingSession.PUBLISH_NANOS, PUBLISH_SHARE * publishCost);
    }

    private void execute(Runnable c) {
        try {
            c.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            core.messages.say(e.getMessage());
        } catch (RuntimeException | Error e) {
            recover(e);
        }
    }

    /**
     * After a command or a training chunk broke: stop running, put the trainer back at its iteration from the
     * history (so what is shown is consistent), and report the failure for a dialog.
     */
    private void recover(Throwable e) {
        core.running = false;
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        try {
            long k = Math.min(core.trainer.iteration(), core.history.length());
            core.history.restore(core.trainer, Math.max(k, core.history.base()));
            core.syncDataset();
        } catch (RuntimeException | Error again) {
            what += " (and the iteration on show could not be rebuilt: " + again + ")";
        }
        core.messages.fail("Something went wrong on the training thread: " + what + ". Training is paused; the "
                + "session is kept as it was at iteration " + core.trainer.iteration() + ".");
        try {
            publish();
        } catch (RuntimeException | Error ignored) {
            // the next command publishes again
        }
    }

    Snapshot publish() {
        long t0 = System.nanoTime();
        Snapshot s = core.snapshot(latest.version() + 1);
        publishCost = System.nanoTime() - t0;
        latest = s;
        listener.accept(s);
        return s;
    }

}
