package org.backproplab.cli;

import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.text.TerminalText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code [--optimizer sgd|momentum|nesterov|rmsprop|adam] [--l2 λ | --l1 λ]}: how a run turns gradients into steps
 * and which penalty it puts on the weights, shared by {@code train} and {@code export-code} so that both read them
 * alike.
 */
final class OptimizerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd, momentum, nesterov, rmsprop or adam (their usual parameters; default: the scenario's)")
    String optimizer;

    static final class Penalty {
        @Option(names = "--l2", paramLabel = "λ", preprocessor = NumberOptions.Lambda.class,
                description = "L2 regularization (weight decay) of strength λ ≥ 0: the loss gains (λ/2) Σ W²")
        Double l2;

        @Option(names = "--l1", paramLabel = "λ", preprocessor = NumberOptions.Lambda.class,
                description = "L1 regularization of strength λ ≥ 0: the loss gains λ Σ |W|")
        Double l1;
    }

    @ArgGroup(exclusive = true)
    Penalty penalty;

    /** @return true if {@code --optimizer} was given */
    boolean choseOptimizer() {
        return optimizer != null;
    }

    /**
     * @return {@code l} with the optimiser and the penalty asked for (as it is when neither was given), its trainer
     *         switched over at the same iteration
     * @throws ParameterException naming a value of {@code --optimizer} that is not one and those allowed
     */
    ScenarioOptions.Loaded applyTo(ScenarioOptions.Loaded l) {
        if (optimizer != null) {
            TrainingConfig c = l.scenario().config();
            l = l.with(c.withOptimizer(c.optimizer().withKind(kind(optimizer))));
        }
        if (penalty != null) {
            l = l.with(l.scenario().config().withRegularization(penalty.l2 != null ? Regularization.l2(penalty.l2)
                    : Regularization.l1(penalty.l1)));
        }
        return l;
    }

    /** @return the optimiser {@code --optimizer} names, or a user error naming the value and those allowed */
    private Optimizer.Kind kind(String id) {
        try {
            return Optimizer.Kind.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "'" + TerminalText.escape(id) + "' in --optimizer: "
                    + "expected sgd, momentum, nesterov, rmsprop or adam");
        }
    }
}
