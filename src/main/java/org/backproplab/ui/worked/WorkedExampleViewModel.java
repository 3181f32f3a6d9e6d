package org.backproplab.ui.worked;

import java.util.concurrent.CompletableFuture;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Trainer;
import org.backproplab.io.WorkedExample;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;

/**
 * Builds the worked example of the iteration the window shows, on the worker and on a copy of the trainer
 * (the user's session is never changed): the iteration just completed, the one in progress (run to its end on
 * the copy), or, when none has run since the last edit, the next one from the weights now.
 */
public final class WorkedExampleViewModel {
    /** The example and a sentence saying which iteration it is. */
    public record Prepared(WorkedExample example, String description) {
    }

    private final SessionBridge bridge;

    public WorkedExampleViewModel(SessionBridge bridge) {
        this.bridge = bridge;
    }

    /** @return the example of the iteration shown, computed on a copy made by the worker */
    public CompletableFuture<Prepared> prepare() {
        Snapshot s = bridge.snapshot();
        long k = s.iteration();
        boolean justCompleted = s.phaseIndex() == 0 && s.trace() != null && s.trace().isComplete() && k > s.historyStart();
        return bridge.session().trainerAt(justCompleted ? k - 1 : k).thenApply(c -> prepare(c, justCompleted));
    }

    static Prepared prepare(TrainingSession.TrainerCopy c, boolean justCompleted) {
        long k = c.shownIteration();
        String name = c.scenarioName();
        if (justCompleted) {
            return new Prepared(WorkedExample.nextIteration(name, c.trainer()),
                    "Iteration " + k + ", the one just completed, replayed exactly on a copy.");
        }
        if (c.shownPhase() > 0) {
            return new Prepared(WorkedExample.nextIteration(name, c.trainer()),
                    "Iteration " + (k + 1) + ", the one in progress, run to its end on a copy: your session is not changed.");
        }
        return new Prepared(WorkedExample.nextIteration(name, c.trainer()),
                "Iteration " + (k + 1) + ", the next one from the weights now, run on a copy: your session is not changed.");
    }
}
