package org.backproplab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.io.BackpropFile;
import org.backproplab.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export --preset NAME [--seed S] --out FILE}: writes a preset's initial state as a file. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write a preset's initial state (weights before training) to a file.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", required = true, paramLabel = "NAME", description = "a built-in scenario")
    String preset;

    @Option(names = "--seed", paramLabel = "S", preprocessor = NumberOptions.Seed.class,
            description = "the seed of the initial weights")
    Long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the JSON file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        Scenario s = Presets.get(preset);
        if (seed != null) {
            s = s.withConfig(s.config().withSeed(seed));
        }
        BackpropFile.initial(s).write(out);
        spec.commandLine().getOut().println("wrote " + TerminalText.escape(out.toString()));
        return 0;
    }
}
