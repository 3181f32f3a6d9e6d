package org.backproplab.engine;

import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * An immutable record of everything one iteration has computed so far. Lists are indexed by layer
 * {@code l} from 0 to {@code L}; an entry is null where that quantity does not exist (index 0 of
 * {@code z}, a layer without bias) or has not been computed yet (its phase has not run).
 * Every matrix has one row per sample of the batch.
 *
 * @param iteration       the number of the update this iteration makes (1 for the first)
 * @param epoch           the epoch it belongs to, counted from 1
 * @param phasesDone      how many phases of {@link Phase#sequence(int)} have run
 * @param samples         the rows of the data set in this batch, in batch order
 * @param inputs          {@code a^0 = x}
 * @param targets         {@code y}
 * @param preActivations  {@code z^l}
 * @param activations     {@code a^l} ({@code activations.get(0)} is {@code x}; the last is {@code ŷ})
 * @param sampleLosses    per sample, {@code Σ_outputs ℓ(ŷ, y)} (null before LOSS)
 * @param loss            the batch loss {@code L = L_data + Ω(W)} (NaN before LOSS)
 * @param outputGradient  {@code ∂L/∂ŷ} (null before LOSS)
 * @param deltas          {@code δ^l}
 * @param weightGradients {@code ∂L/∂W^l}
 * @param biasGradients   {@code ∂L/∂b^l}
 * @param weightUpdates   {@code ΔW^l} that UPDATE applied (null before UPDATE)
 * @param biasUpdates     {@code Δb^l} that UPDATE applied
 * @param dataLoss        {@code L_data}: the batch loss without the penalty (NaN before LOSS)
 * @param penalty         {@code Ω(W)}: the penalty on the weights, 0 without regularization (NaN before LOSS)
 * @param optimizerState  what the optimiser remembered after UPDATE (null before UPDATE)
 */
public record IterationTrace(long iteration, long epoch, int phasesDone, int[] samples,
                             RealMatrix inputs, RealMatrix targets,
                             List<RealMatrix> preActivations, List<RealMatrix> activations,
                             double[] sampleLosses, double loss, RealMatrix outputGradient,
                             List<RealMatrix> deltas, List<RealMatrix> weightGradients,
                             List<RealVector> biasGradients,
                             List<RealMatrix> weightUpdates, List<RealVector> biasUpdates,
                             double dataLoss, double penalty, OptimizerState optimizerState) {

    /** @return the number of weight layers {@code L} */
    public int depth() {
        return preActivations.size() - 1;
    }

    /** @return true if {@code phase} (of {@link Phase#sequence(int)}) has run in this iteration */
    public boolean hasRun(Phase phase) {
        return Phase.sequence(depth()).indexOf(phase) < phasesDone;
    }

    /** @return true if every phase, UPDATE included, has run */
    public boolean isComplete() {
        return phasesDone == 2 * depth() + 2;
    }

    /** @return the prediction {@code ŷ} if the forward pass has reached the output, else null */
    public RealMatrix output() {
        return activations.get(depth());
    }

    /**
     * @return this trace with every matrix and vector behind a read-only view and private copies of the arrays
     *         (for a published snapshot: nobody can change what another thread reads)
     */
    public IterationTrace readOnlyCopy() {
        return new IterationTrace(iteration, epoch, phasesDone, samples.clone(), ReadOnlyMatrix.of(inputs),
                ReadOnlyMatrix.of(targets), readOnly(preActivations), readOnly(activations),
                sampleLosses == null ? null : sampleLosses.clone(), loss, ReadOnlyMatrix.of(outputGradient),
                readOnly(deltas), readOnly(weightGradients), readOnlyVectors(biasGradients),
                readOnly(weightUpdates), readOnlyVectors(biasUpdates), dataLoss, penalty, optimizerState);
    }

    /** @return the rows of the batch, in batch order (a copy) */
    @Override
    public int[] samples() {
        return samples.clone();
    }

    /** @return per sample, {@code Σ_outputs ℓ(ŷ, y)} (a copy; null before LOSS) */
    @Override
    public double[] sampleLosses() {
        return sampleLosses == null ? null : sampleLosses.clone();
    }

    private static List<RealMatrix> readOnly(List<RealMatrix> ms) {
        java.util.ArrayList<RealMatrix> out = new java.util.ArrayList<>(ms.size());
        for (RealMatrix m : ms) {
            out.add(ReadOnlyMatrix.of(m));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static List<RealVector> readOnlyVectors(List<RealVector> vs) {
        java.util.ArrayList<RealVector> out = new java.util.ArrayList<>(vs.size());
        for (RealVector v : vs) {
            out.add(v == null ? null : RealVector.unmodifiableRealVector(v.copy()));
        }
        return java.util.Collections.unmodifiableList(out);
    }
}
