package org.backproplab.engine;

/**
 * How a network trains.
 *
 * @param loss         the loss {@code L}
 * @param learningRate {@code η}, finite and not negative
 * @param batch        full, per sample, or mini-batch
 * @param momentum     {@code μ} in {@code [0, 1)}; 0 is plain gradient descent
 * @param shuffle      true to visit samples in a new seeded order every epoch (per-sample and mini-batch)
 * @param init         how the weights start
 * @param seed         the seed of the initial weights and of the shuffling
 */
public record TrainingConfig(Loss loss, double learningRate, BatchMode batch, double momentum,
                             boolean shuffle, Initializer init, long seed) {
    public TrainingConfig {
        if (loss == null || batch == null || init == null) {
            throw new IllegalArgumentException("training needs a loss, a batch mode and an initializer");
        }
        if (!Double.isFinite(learningRate) || learningRate < 0) {
            throw new IllegalArgumentException("learning rate " + learningRate
                    + " is not allowed: expected a finite number ≥ 0");
        }
        if (!Double.isFinite(momentum) || momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum " + momentum + " is not allowed: expected 0 ≤ μ < 1");
        }
    }

    public TrainingConfig withLearningRate(double eta) {
        return new TrainingConfig(loss, eta, batch, momentum, shuffle, init, seed);
    }

    public TrainingConfig withMomentum(double mu) {
        return new TrainingConfig(loss, learningRate, batch, mu, shuffle, init, seed);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(loss, learningRate, batch, momentum, shuffle, init, s);
    }

    public TrainingConfig withBatch(BatchMode b) {
        return new TrainingConfig(loss, learningRate, b, momentum, shuffle, init, seed);
    }

    public TrainingConfig withLoss(Loss l) {
        return new TrainingConfig(l, learningRate, batch, momentum, shuffle, init, seed);
    }

    public TrainingConfig withInit(Initializer i) {
        return new TrainingConfig(loss, learningRate, batch, momentum, shuffle, i, seed);
    }

    public TrainingConfig withShuffle(boolean s) {
        return new TrainingConfig(loss, learningRate, batch, momentum, s, init, seed);
    }
}
