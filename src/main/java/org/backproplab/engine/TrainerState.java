package org.backproplab.engine;

/**
 * Everything a {@link Trainer} needs to continue exactly from a point: restore it and the following
 * iterations are bit-identical to the ones that followed when it was taken. Immutable: the arrays are
 * private copies, never handed out.
 */
public final class TrainerState {
    final Network network;
    final TrainingData data;
    final TrainingConfig config;
    final long iteration;
    final double[][][] velocityW;
    final double[][] velocityB;
    /** The epochs counted at {@link #epochMarkIteration} (see {@link Trainer#epochs()}). */
    final double epochsAtMark;
    final long epochMarkIteration;

    TrainerState(Network network, TrainingData data, TrainingConfig config,
                 long iteration, double[][][] velocityW, double[][] velocityB, double epochsAtMark, long epochMarkIteration) {
        this.epochsAtMark = epochsAtMark;
        this.epochMarkIteration = epochMarkIteration;
        this.network = network;
        this.data = data;
        this.config = config;
        this.iteration = iteration;
        this.velocityW = velocityW;
        this.velocityB = velocityB;
    }

    /** @return how many updates the weights had had */
    public long iteration() {
        return iteration;
    }

    public TrainingConfig config() {
        return config;
    }

    /** @return a copy of the network as it was */
    public Network network() {
        return network.copy();
    }

}
