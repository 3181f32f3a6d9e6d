package org.backproplab.session;

import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Scenario;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;

/**
 * What the session looked like at one moment: immutable, safe to read from any thread. The window draws
 * only snapshots; every number it shows comes from here, so it is always a number the engine used.
 *
 * @param version       increases with every published snapshot
 * @param scenario      the scenario as it is now: current data set (with edits), layers and configuration
 * @param network       a private copy of the weights and biases now
 * @param iteration     updates made so far
 * @param epochs        {@code iteration / batchesPerEpoch}
 * @param phaseIndex    phases of the current iteration already run (0 at an iteration boundary)
 * @param phases        the phases of one iteration
 * @param trace         the iteration in progress, or the last complete one; null after a reset or an edit
 * @param preview       forward, loss and backward of the next iteration with the weights now (what-if
 *                      gradients); null while running fast
 * @param evaluation    forward pass and loss over every sample with the weights now
 * @param probeOutputs  {@code ŷ} for each probe, or null if the data set has no probes
 * @param losses        the loss curve, decimated for drawing on a linear iteration axis or, after
 *                      {@code setLogIterations(true)}, a logarithmic one; with edit markers
 * @param historyStart  the first iteration in the history (0, or the iteration a file was saved at)
 * @param historyEnd    the last iteration in the history: larger than {@code iteration} after a jump back
 * @param testLosses    the test-loss curve (same iterations, NaN before a split was made), or null if no
 *                      rows have been held out
 * @param testRows      the rows held out as the test set, ascending (empty without a split)
 * @param scores        training and test loss and accuracy with the weights now
 * @param running       true while Run is on
 * @param diverged      true if the loss or a weight became NaN or infinite
 * @param message       the last sentence for the status bar (what just happened, or why a command was
 *                      refused); empty before the first. Every snapshot carries it until the next one, so a
 *                      window that shows one snapshot per frame and skips others still shows every message
 * @param messageNumber counts the messages so far: a message is new to a window when its number is larger
 *                      than that of the last message it showed
 * @param iterationsPerSecond measured training speed while running, else 0
 * @param changes       counts every change to what a saved file would hold (an iteration, an edit, a jump,
 *                      a load): a window compares it with the value at its last save to know if work is unsaved
 * @param runs          the runs of the session, oldest first (one is {@link RunInfo#current()})
 * @param lossCadence   every how many iterations the whole training set is evaluated for the curve now (1 when
 *                      stepping, running slowly or training full-batch; once per epoch when running fast)
 * @param failure       the last command that broke on the worker thread (for a dialog), or "" if none did
 * @param failureNumber counts the failures so far: a failure is new to a window when its number is larger
 * @param backTo        the name of the session Back brings back right after a switch, or null
 * @param rescueIteration after a divergence, the iteration "back to the last finite state" shows (the last before
 *                      the loss left its normal range, see {@code DivergenceLanding}); -1 when not diverged
 * @param runCurves     the training-loss curves of the runs not on show, oldest first, to draw beside {@code losses}
 * @param lossSplit     {@code losses} split into the data loss and the regularization's penalty at the same
 *                      iterations, or null if the run on show never had a penalty
 */
public record Snapshot(long version, Scenario scenario, Network network, long iteration, double epochs,
                       int phaseIndex, List<Phase> phases, IterationTrace trace, IterationTrace preview,
                       IterationTrace evaluation, RealMatrix probeOutputs, LossCurve losses, long historyStart, long historyEnd,
                       LossCurve testLosses, int[] testRows, Scores scores,
                       boolean running, boolean diverged, String message, long messageNumber,
                       double iterationsPerSecond,
                       long changes, List<RunInfo> runs, int lossCadence, String failure, long failureNumber,
                       String backTo, long rescueIteration, List<RunCurve> runCurves, LossSplit lossSplit) {

    /** Copies the arrays in: a snapshot shares nothing mutable with the worker. */
    public Snapshot {
        testRows = testRows.clone();
        runs = List.copyOf(runs);
        runCurves = List.copyOf(runCurves);
        phases = List.copyOf(phases);
    }

    /** @return the rows held out as the test set, ascending (a copy) */
    @Override
    public int[] testRows() {
        return testRows.clone();
    }

    /** @return the phase that runs next */
    public Phase nextPhase() {
        return phases.get(phaseIndex);
    }

    /** @return the training loss (over the training rows: all samples without a split) with the weights now */
    public double loss() {
        return scores.trainingLoss();
    }

    /** @return true if {@code sample} is held out as a test row */
    public boolean isTestRow(int sample) {
        return java.util.Arrays.binarySearch(testRows, sample) >= 0;
    }
}
