package org.backproplab.cli;

import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code presets}: each built-in scenario with its one-line description. */
@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the built-in scenarios.")
final class PresetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        for (Scenario s : Presets.all()) {
            spec.commandLine().getOut().printf("%-14s %s%s%n", s.name(), s.description(),
                    s.name().equals(Presets.DEFAULT) ? " (default)" : "");
        }
    }
}
