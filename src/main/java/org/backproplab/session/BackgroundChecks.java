package org.backproplab.session;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the {@link HistoryCheck} of an opened file on a thread of its own, at low priority, while the session is
 * already in use; a new check (or closing) stops the one under way. What it finds is handed to the worker as a
 * command, which says it if the session still shows the runs that were checked.
 */
final class BackgroundChecks implements AutoCloseable {
    /** Progress is said at most this often (nanoseconds). */
    private static final long PROGRESS_NANOS = 1_000_000_000L;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backprop-lab-check");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private volatile CompletableFuture<String> latest = CompletableFuture.completedFuture(null);

    /**
     * Starts checking {@code r} and stops the check under way.
     *
     * @param stillShown true while the session shows the runs of {@code r} (asked from any thread): the check stops
     *                   when it turns false and says nothing
     * @param worker     runs a command on the worker
     * @param messages   the session's messages (used only from commands on the worker)
     * @return a future completed with null if every run replays as saved, or with what differs; cancelled if the
     *         check was stopped
     */
    CompletableFuture<String> start(SessionRecord r, BooleanSupplier stillShown, Consumer<Runnable> worker,
                                    Messages messages, String opened) {
        long mine = generation.incrementAndGet();
        CompletableFuture<String> verdict = new CompletableFuture<>();
        latest = verdict;
        String[] said = {opened};
        long[] lastSaid = {System.nanoTime()};
        BooleanSupplier cancelled = () -> generation.get() != mine || !stillShown.getAsBoolean();
        thread.execute(() -> {
            try {
                HistoryCheck check = new HistoryCheck(r, new org.backproplab.engine.Progress() {
                    @Override
                    public void advanced(long done, long total) {
                        long now = System.nanoTime();
                        if (now - lastSaid[0] < PROGRESS_NANOS || done >= total) {
                            return;
                        }
                        lastSaid[0] = now;
                        String text = String.format(java.util.Locale.ROOT,
                                "Checking the saved history in the background: %d %% replayed…", 100 * done / total);
                        worker.accept(() -> {
                            if (stillShown.getAsBoolean() && messages.replace(said[0], text)) {
                                said[0] = text;
                            }
                        });
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled.getAsBoolean();
                    }
                });
                String problem = check.run();
                worker.accept(() -> {
                    if (!stillShown.getAsBoolean()) {
                        return;
                    }
                    if (problem == null) {
                        messages.replace(said[0], check.checkedWhole()
                                ? "Checked the saved history: every iteration replays exactly." : tooLong(check, r));
                    } else {
                        messages.say("The saved history does not replay exactly: " + problem + ". What is shown is "
                                + "the file's (weights at its checkpoints and edits, the loss curve); the weights "
                                + "between checkpoints are computed again, so they may not match the curve.");
                    }
                });
                verdict.complete(problem);
            } catch (CancellationException e) {
                verdict.cancel(false);
            } catch (RuntimeException | OutOfMemoryError e) {
                verdict.completeExceptionally(e);
            }
        });
        return verdict;
    }

    private static String tooLong(HistoryCheck check, SessionRecord r) {
        String why = String.format(java.util.Locale.ROOT, "is too long to check in the background (%.1e multiply-adds, "
                + "at most %.0e).", HistoryCheck.work(r), HistoryCheck.MAX_WORK);
        return check.checkedShown() ? "Checked the weights on show: they replay exactly. The rest of the saved history "
                + why : "The saved history " + why;
    }

    /** Stops the check under way, if any. */
    void cancel() {
        generation.incrementAndGet();
    }

    /** @return the latest check's verdict (see {@link #start}) */
    CompletableFuture<String> latest() {
        return latest;
    }

    @Override
    public void close() {
        cancel();
        thread.shutdownNow();
    }
}
