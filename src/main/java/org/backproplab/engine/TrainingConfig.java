package org.backproplab.engine;

/**
 * How a network trains.
 *
 * @param loss           the data loss {@code L_data}
 * @param learningRate   {@code η}, finite and not negative
 * @param batch          full, per sample, or mini-batch
 * @param optimizer      how a gradient becomes a step (gradient descent, momentum, Nesterov, RMSProp, Adam)
 * @param shuffle        true to visit samples in a new seeded order every epoch (per-sample and mini-batch)
 * @param init           how the weights start
 * @param seed           the seed of the initial weights and of the shuffling
 * @param regularization the penalty on the weights: the loss trained on is {@code L = L_data + Ω(W)}
 */
public record TrainingConfig(Loss loss, double learningRate, BatchMode batch, Optimizer optimizer,
                             boolean shuffle, Initializer init, long seed, Regularization regularization) {
    public TrainingConfig {
        if (loss == null || batch == null || init == null || optimizer == null || regularization == null) {
            throw new IllegalArgumentException("training needs a loss, a batch mode, an optimizer, a regularization"
                    + " and an initializer");
        }
        if (!Double.isFinite(learningRate) || learningRate < 0) {
            throw new IllegalArgumentException("learning rate " + learningRate
                    + " is not allowed: expected a finite number ≥ 0");
        }
    }

    /**
     * The settings of plain gradient descent or momentum, without a penalty: {@code μ > 0} trains with
     * {@link Optimizer#momentum(double)}, {@code μ = 0} with {@link Optimizer#sgd()}.
     *
     * @param momentum {@code μ} in {@code [0, 1)}
     * @throws IllegalArgumentException naming the value if {@code μ} or {@code η} is out of range
     */
    public TrainingConfig(Loss loss, double learningRate, BatchMode batch, double momentum,
                          boolean shuffle, Initializer init, long seed) {
        this(loss, learningRate, batch, momentumOrSgd(momentum), shuffle, init, seed, Regularization.NONE);
    }

    private static Optimizer momentumOrSgd(double mu) {
        if (!Double.isFinite(mu) || mu < 0 || mu >= 1) {
            throw new IllegalArgumentException("momentum " + mu + " is not allowed: expected 0 ≤ μ < 1");
        }
        return mu > 0 ? Optimizer.momentum(mu) : Optimizer.sgd();
    }

    /** @return {@code μ} of momentum or Nesterov momentum; 0 for the optimisers without it */
    public double momentum() {
        Optimizer.Kind k = optimizer.kind();
        return k == Optimizer.Kind.MOMENTUM || k == Optimizer.Kind.NESTEROV ? optimizer.mu() : 0.0;
    }

    public TrainingConfig withLearningRate(double eta) {
        return new TrainingConfig(loss, eta, batch, optimizer, shuffle, init, seed, regularization);
    }

    /**
     * @return Nesterov momentum with {@code μ} if that is the optimiser; otherwise momentum with {@code μ} (or plain
     *         gradient descent for {@code μ = 0}), as the 7-argument constructor reads it
     */
    public TrainingConfig withMomentum(double mu) {
        Optimizer o = optimizer.kind() == Optimizer.Kind.NESTEROV ? Optimizer.Parameter.MU.in(optimizer, mu)
                : momentumOrSgd(mu);
        return withOptimizer(o);
    }

    public TrainingConfig withOptimizer(Optimizer o) {
        return new TrainingConfig(loss, learningRate, batch, o, shuffle, init, seed, regularization);
    }

    public TrainingConfig withRegularization(Regularization r) {
        return new TrainingConfig(loss, learningRate, batch, optimizer, shuffle, init, seed, r);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(loss, learningRate, batch, optimizer, shuffle, init, s, regularization);
    }

    public TrainingConfig withBatch(BatchMode b) {
        return new TrainingConfig(loss, learningRate, b, optimizer, shuffle, init, seed, regularization);
    }

    public TrainingConfig withLoss(Loss l) {
        return new TrainingConfig(l, learningRate, batch, optimizer, shuffle, init, seed, regularization);
    }

    public TrainingConfig withInit(Initializer i) {
        return new TrainingConfig(loss, learningRate, batch, optimizer, shuffle, i, seed, regularization);
    }

    public TrainingConfig withShuffle(boolean s) {
        return new TrainingConfig(loss, learningRate, batch, optimizer, s, init, seed, regularization);
    }
}
