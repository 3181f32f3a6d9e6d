package org.backproplab.ui.worked;

import java.util.concurrent.CompletableFuture;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Trainer;
import org.backproplab.io.WorkedExample;
import org.backproplab.session.SessionCore;
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

    /** @return the example of the iteration shown, computed on the worker */
    public CompletableFuture<Prepared> prepare() {
        return bridge.session().query(WorkedExampleViewModel::prepare);
    }

    static Prepared prepare(SessionCore.View v) {
        Trainer live = v.trainer();
        long k = live.iteration();
        IterationTrace t = live.trace();
        String name = v.scenario().name();
        if (live.phaseIndex() == 0 && t != null && t.isComplete() && k > v.historyStart()) {
            return new Prepared(WorkedExample.nextIteration(name, v.trainerAt(k - 1)),
                    "Iteration " + k + ", the one just completed, replayed exactly on a copy.");
        }
        if (live.phaseIndex() > 0) {
            return new Prepared(WorkedExample.nextIteration(name, v.trainerAt(k)),
                    "Iteration " + (k + 1) + ", the one in progress, run to its end on a copy: your session is not changed.");
        }
        return new Prepared(WorkedExample.nextIteration(name, v.trainerAt(k)),
                "Iteration " + (k + 1) + ", the next one from the weights now, run on a copy: your session is not changed.");
    }
}
