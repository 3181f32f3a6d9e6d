package org.backproplab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.io.BackpropFile;
import picocli.CommandLine.Option;

/** {@code --preset NAME | --load FILE}, exactly one, and an optional {@code --seed}. */
final class ScenarioOptions {
    @Option(names = "--preset", paramLabel = "NAME", description = "a built-in scenario (see 'presets')")
    String preset;

    @Option(names = "--load", paramLabel = "FILE", description = "a Backprop Lab file (backprop-lab/1 to /4, JSON)")
    Path load;

    /** A scenario with a trainer positioned where it starts (iteration 0, or the file's iteration). */
    record Loaded(Scenario scenario, Trainer trainer) {
        /** @return the scenario with another configuration, its trainer switched over at the same iteration */
        Loaded with(TrainingConfig c) {
            long it = trainer.iteration();
            trainer.setConfig(c);
            trainer.setIteration(it);
            return new Loaded(scenario.withConfig(c), trainer);
        }
    }

    /**
     * @param seed a seed to replace the scenario's (weights for a preset, and the test split of a real data set;
     *             shuffling order for a file), or null
     * @throws IllegalArgumentException if neither or both sources are given, or the preset is unknown
     * @throws IOException              if the file cannot be read or is malformed
     */
    Loaded open(Long seed) throws IOException {
        if ((preset == null) == (load == null)) {
            throw new IllegalArgumentException("give exactly one of --preset NAME and --load FILE");
        }
        if (preset != null) {
            Scenario s = seed == null ? Presets.get(preset) : Presets.get(preset, seed);
            return new Loaded(s, s.createTrainer());
        }
        BackpropFile f = BackpropFile.read(load);
        Loaded l = new Loaded(f.scenario(), f.createTrainer());
        return seed == null ? l : l.with(l.scenario().config().withSeed(seed));
    }
}
