package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.backproplab.data.Dataset;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.GradientCheck.Entry;
import org.backproplab.engine.GradientCheck.Status;
import org.backproplab.engine.Progress;
import org.backproplab.engine.WorkLimits;
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
 * parameters at a kink do not make it fail. A large network is checked on an evenly spaced sample of its
 * parameters (said in the output; see {@link GradientCheck}). On a terminal a progress bar runs on stderr;
 * Ctrl+C stops the check with one line on stderr and exit status {@value CtrlC#EXIT_STATUS}.
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
        PrintWriter err = spec.commandLine().getErr();
        try (CtrlC ctrlC = CtrlC.install()) {
            return check(l, ctrlC, spec.commandLine().getOut(), err, new ProgressBar(err, System.console() != null));
        }
    }

    /**
     * Checks, drawing {@code bar} as parameters are done; Ctrl+C ({@code ctrlC}) stops the check between two
     * evaluations and prints one line.
     *
     * @return 0 if no parameter fails, 1 if one does, {@link CtrlC#EXIT_STATUS} if interrupted
     */
    static int check(ScenarioOptions.Loaded l, CtrlC ctrlC, PrintWriter out, PrintWriter err, ProgressBar bar) {
        GradientCheck.Result r;
        try {
            r = GradientCheck.run(l.trainer(), new Progress() {
                @Override
                public void advanced(long done, long total) {
                    bar.update(done, total);
                }

                @Override
                public boolean isCancelled() {
                    return ctrlC.requested();
                }
            });
        } catch (CancellationException e) {
            bar.done();
            err.println("backprop-lab: interrupted: " + e.getMessage());
            err.flush();
            return CtrlC.EXIT_STATUS;
        }
        bar.done();
        print(out, l, r);
        return r.passes() ? 0 : 1;
    }

    private static void print(PrintWriter out, ScenarioOptions.Loaded l, GradientCheck.Result r) {
        Entry w = r.worst();
        String verdict = r.passes() ? "PASS" : "FAIL (tolerance " + GradientCheck.TOLERANCE + ")";
        String checked = r.isSample() ? String.format(Locale.ROOT, "%,d of %,d parameters (a sample)",
                r.entries().size(), r.parameters()) : r.entries().size() + " parameters";
        if (w == null) {
            out.printf("%s: %s, none comparable: %s%n", TerminalText.escape(l.scenario().name()), checked, verdict);
        } else {
            out.printf("%s: %s, max relative error %.3e at %s (backprop %.10g, numeric %.10g): %s%n",
                    TerminalText.escape(l.scenario().name()), checked, w.relativeError(), w.name(), w.backprop(), w.numeric(), verdict);
        }
        if (r.isSample()) {
            out.printf(Locale.ROOT, "  checking all %,d would take more than the work of %d passes over the batch "
                    + "that a check may do: %,d parameters evenly spaced through W1, b1, W2, … were checked%n",
                    r.parameters(), WorkLimits.GRADIENT_CHECK_PASSES, r.entries().size());
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
