package org.backproplab.session;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;

/**
 * Builds the immutable {@link Snapshot} of a {@link SessionCore}: private copies of the weights, the traces,
 * the evaluation over every sample, the scores and the decimated loss curves. Runs on the worker.
 */
final class SnapshotFactory {
    private SnapshotFactory() {
    }

    static Snapshot of(SessionCore core, long version, String msg, double measuredRate) {
        Trainer trainer = core.trainer;
        History history = core.history;
        Network net = trainer.network().readOnlyCopy();
        IterationTrace trace = readOnly(trainer.trace());
        IterationTrace preview = readOnly(previewOrNull(trainer, core.running));
        IterationTrace eval = trainer.evaluate();
        Scenario current = core.currentScenario();
        int[] test = trainer.testRows();
        double[][] outputs = eval.output().getData();
        double[][] targets = eval.targets().getData();
        // without a split the evaluation over every sample already is the training loss (same rows, same order)
        double trainingLoss = trainer.hasTestRows() ? trainer.datasetLoss() : eval.loss();
        double testLoss = trainer.testLoss();
        Scores scores = new Scores(trainingLoss, testLoss,
                Scores.accuracy(outputs, targets, trainer.trainingRows()), Scores.accuracy(outputs, targets, test));
        if (trainer.iteration() == history.length()) {
            history.setEndLoss(trainingLoss, testLoss, SessionCore.penalty(trainer));
        }
        LossSeries testSeries = history.testLosses();
        LossSeries penalties = history.penalties();
        long end = history.length();
        LossCurve losses = history.losses().curve(TrainingSession.CURVE_POINTS, history.base(), end, history.endLoss(),
                core.logIterations);
        return new Snapshot(version, current, net, trainer.iteration(), trainer.epochs(), trainer.phaseIndex(),
                trainer.phases(), trace, preview, eval.readOnlyCopy(), readOnly(probeOutputs(net, core.dataset)),
                losses, history.base(), end,
                testSeries == null ? null : testSeries.curve(TrainingSession.CURVE_POINTS, history.base(), end, history.endTestLoss(),
                        core.logIterations),
                test, scores, core.running, trainer.isDiverged(), msg, core.messages.number(), measuredRate, core.changes,
                RunSummaries.infos(core, scores), core.cadence(), core.messages.failure(), core.messages.failureNumber(),
                core.previous.isEmpty() || !core.holdsNothing() ? null : core.previous.nextName(),
                trainer.isDiverged() ? DivergenceLanding.find(history, trainer.iteration()) : -1,
                RunSummaries.curves(core, scores),
                penalties == null ? null : LossSplit.of(losses, penalties, history.endPenalty()));
    }

    private static IterationTrace readOnly(IterationTrace t) {
        return t == null ? null : t.readOnlyCopy();
    }

    private static RealMatrix readOnly(RealMatrix m) {
        return org.backproplab.engine.ReadOnlyMatrix.of(m);
    }

    /** @return {@code ŷ} for the probes of {@code d}, or null if it has none */
    static RealMatrix probeOutputs(Network net, Dataset d) {
        double[][] p = d.probes();
        return p.length == 0 ? null : net.predict(MatrixUtils.createRealMatrix(p));
    }

    /** The what-if preview costs a forward and backward pass: skipped while running, where nobody reads it. */
    static IterationTrace previewOrNull(Trainer t, boolean running) {
        return running ? null : t.preview();
    }
}
