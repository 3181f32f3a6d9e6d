package org.backproplab.cli;

import java.util.concurrent.Callable;
import org.backproplab.engine.GradientCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gradcheck --preset NAME | --load FILE}: compares backpropagation with central differences on the
 * next batch and prints the largest relative error and where it is. Exit status 1 if it is above
 * {@link GradientCheck#TOLERANCE}.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, description = "Check backprop against finite differences on the next batch.")
final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions source;

    @Option(names = "--seed", paramLabel = "S", description = "the seed of the initial weights (presets)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        ScenarioOptions.Loaded l = source.open(seed);
        GradientCheck.Result r = GradientCheck.run(l.trainer());
        GradientCheck.Entry w = r.worst();
        var out = spec.commandLine().getOut();
        out.printf("%s: %d parameters, max relative error %.3e at %s (backprop %.10g, numeric %.10g): %s%n",
                l.scenario().name(), r.entries().size(), r.maxRelativeError(), w.name(), w.backprop(), w.numeric(),
                r.passes() ? "PASS" : "FAIL (tolerance " + GradientCheck.TOLERANCE + ")");
        return r.passes() ? 0 : 1;
    }
}
