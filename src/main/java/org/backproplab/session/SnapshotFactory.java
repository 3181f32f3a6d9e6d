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
        Network net = trainer.network().copy();
        IterationTrace trace = trainer.trace();
        IterationTrace preview = previewOrNull(trainer, core.running);
        IterationTrace eval = trainer.evaluate();
        Scenario current = core.scenario.withDataset(core.dataset).withConfig(trainer.config());
        int[] test = trainer.testRows();
        double[][] outputs = eval.output().getData();
        double[][] targets = eval.targets().getData();
        // without a split the evaluation over every sample already is the training loss (same rows, same order)
        double trainingLoss = trainer.hasTestRows() ? trainer.datasetLoss() : eval.loss();
        Scores scores = new Scores(trainingLoss, trainer.testLoss(),
                Scores.accuracy(outputs, targets, trainer.trainingRows()), Scores.accuracy(outputs, targets, test));
        LossSeries testSeries = history.testLosses();
        return new Snapshot(version, current, net, trainer.iteration(), trainer.epochs(), trainer.phaseIndex(),
                trainer.phases(), trace, preview, eval, probeOutputs(net, core.dataset),
                history.losses().curve(TrainingSession.CURVE_POINTS, history.base()), history.base(), history.length(),
                testSeries == null ? null : testSeries.curve(TrainingSession.CURVE_POINTS, history.base()), test, scores,
                core.running, trainer.isDiverged(), msg, core.messageNumber(), measuredRate, core.changes);
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
