package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.backproplab.data.Dataset;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.GradientCheck.Entry;
import org.backproplab.engine.GradientCheck.Status;
import org.backproplab.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gradcheck --preset NAME | --load FILE}: compares backpropagation with central differences on the
 * next batch and prints the largest relative error and where it is, how many parameters pass, fail and are
 * at a ReLU kink (not comparable: every difference step down to {@link GradientCheck#MIN_STEP} moves some
 * pre-activation across 0), and one line for each failure and each kink. Exit status 1 if any parameter
 * fails (its relative error at a step that crosses no kink is above {@link GradientCheck#TOLERANCE});
 * parameters at a kink do not make it fail.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, description = "Check backprop against finite differences on the next batch.")
final class GradcheckCommand implements Callable<Integer> {
    /** The most failures or kinks listed one per line; the rest are counted. */
    static final int MAX_LISTED = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions source;

    @Option(names = "--seed", paramLabel = "S", preprocessor = NumberOptions.Seed.class,
            description = "the seed of the initial weights (presets)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        ScenarioOptions.Loaded l = source.open(seed);
        GradientCheck.Result r = GradientCheck.run(l.trainer());
        PrintWriter out = spec.commandLine().getOut();
        String name = TerminalText.escape(l.scenario().name());
        Entry w = r.worst();
        String verdict = r.passes() ? "PASS" : "FAIL (tolerance " + GradientCheck.TOLERANCE + ")";
        if (w == null) {
            out.printf("%s: %d parameters, none comparable: %s%n", name, r.entries().size(), verdict);
        } else {
            out.printf("%s: %d parameters, max relative error %.3e at %s (backprop %.10g, numeric %.10g): %s%n",
                    name, r.entries().size(), w.relativeError(), w.name(), w.backprop(), w.numeric(),
                    verdict);
        }
        long retried = r.entries().stream().filter(e -> e.isComparable() && e.kink() != null).count();
        out.printf("  %d pass, %d fail, %d at a kink (not comparable)%s%n", r.count(Status.PASS),
                r.count(Status.FAIL), r.count(Status.KINK), retried == 0 ? ""
                        : "; " + retried + " compared at a smaller step because h = 1e-5·max(1, |θ|) crossed a ReLU kink");
        Dataset d = l.scenario().dataset();
        list(out, r, Status.FAIL, e -> String.format("  FAIL %s: relative error %.3e at h = %.0e (backprop %.10g, numeric %.10g)",
                e.name(), e.relativeError(), e.step(), e.backprop(), e.numeric()));
        list(out, r, Status.KINK, e -> String.format("  at a kink, not comparable: %s: %s of sample %s changes side of 0 "
                        + "even at h = %.0e%s", e.name(), e.kink().preActivationName(), TerminalText.escape(d.label(e.kink().sample())),
                e.step(), e.kink().count() > 1 ? " (and " + (e.kink().count() - 1) + " more pre-activations)" : ""));
        return r.passes() ? 0 : 1;
    }

    private static void list(PrintWriter out, GradientCheck.Result r, Status s,
                             java.util.function.Function<Entry, String> line) {
        List<Entry> these = r.entries().stream().filter(e -> e.status() == s).toList();
        these.stream().limit(MAX_LISTED).forEach(e -> out.println(line.apply(e)));
        if (these.size() > MAX_LISTED) {
            out.printf("  … and %d more%n", these.size() - MAX_LISTED);
        }
    }
}
