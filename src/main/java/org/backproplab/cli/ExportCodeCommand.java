package org.backproplab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backproplab.engine.Trainer;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.PythonExport;
import org.backproplab.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code export-code --preset NAME | --load FILE [--seed S] [--optimizer NAME] [--l2 λ | --l1 λ] [--iterations N]
 * [--every K] --out FILE}: writes the Python script of File → Export as code ({@link PythonExport}), which trains
 * from the preset's initial weights (or the file's state) as {@code train} with the same options would and prints the
 * same numbers.
 */
@Command(name = "export-code", mixinStandardHelpOptions = true,
        description = "Write a Python script (NumPy only) that trains a preset or a saved network as Backprop Lab does "
                + "and prints the same losses and outputs.")
final class ExportCodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions source;

    @Option(names = "--seed", paramLabel = "S", preprocessor = NumberOptions.Seed.class,
            description = "the seed of the initial weights and shuffling")
    Long seed;

    @Mixin
    OptimizerOptions optimizer;

    @Option(names = "--iterations", paramLabel = "N", preprocessor = NumberOptions.Count.class,
            description = "updates the script runs, 0 to 1e9 (default: the scenario's)")
    Long iterations;

    @Option(names = "--every", paramLabel = "K", preprocessor = NumberOptions.Every.class,
            description = "the script prints the loss every K iterations (default: 10 lines)")
    Long every;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE", description = "the Python file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        AtomicFiles.checkTarget(out);
        ScenarioOptions.Loaded l = optimizer.applyTo(source.open(seed));
        Trainer t = l.trainer();
        long n = iterations != null ? iterations : l.scenario().iterations();
        if (n > Trainer.MAX_ITERATION - t.iteration()) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "%,d iterations from iteration "
                    + "%,d would go past iteration %,d (2^53), the last a run may reach", n, t.iteration(),
                    Trainer.MAX_ITERATION));
        }
        long k = every != null ? every : Math.max(1, n / 10);
        String script = PythonExport.script(l.scenario().name(), t.state(), n, k);
        AtomicFiles.writeString(out, script);
        spec.commandLine().getOut().printf("wrote %s: python3 %s trains %s for %d iterations from iteration %d%n",
                TerminalText.escape(out.toString()), TerminalText.escape(out.getFileName().toString()),
                TerminalText.escape(l.scenario().name()), n, t.iteration());
        return 0;
    }
}
