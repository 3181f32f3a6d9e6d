package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;

/**
 * Variant runs: from an iteration of the run on show, a new run (a branch of the runs tree, {@link Runs}) that
 * shares everything up to there bit for bit and trains on with one or more {@link Setting}s changed. The data
 * order is the seed's, as in every run, so variants visit the samples in the same order unless the seed is what
 * differs. Besides the {@link Setting}s, a variant may give the hidden layers another activation
 * ({@link HiddenActivation}): the same weights go on under another {@code f}, and the variant keeps that activation
 * wherever it is shown. Validates everything first: a refused variant leaves the session as it was. Owned by the
 * worker.
 */
final class Variants {
    private final SessionCore c;

    Variants(SessionCore core) {
        this.c = core;
    }

    /**
     * Starts a variant of the run on show at iteration {@code from} with {@code changes} applied to the settings
     * training had there, and shows it (paused: Step or Run trains it). The change is an edit at its first
     * iteration, so Back right after it goes back to the run it came from.
     *
     * @param hidden the activation of every hidden layer of the variant, or null to keep those of the run on show
     * @throws IllegalArgumentException naming the value if {@code from} is outside the run, nothing differs, the
     *                                  seed is changed where it orders nothing, an activation is chosen for a
     *                                  network without hidden layers, or the engine refuses a setting
     * @throws IllegalStateException    if no more runs or iterations can be kept
     */
    void start(long from, List<Setting.Change> changes, Activation hidden) {
        if (from < c.history.base() || from > c.history.length()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "iteration %,d in Start from: expected %,d to "
                    + "%,d (run %d)", from, c.history.base(), c.history.length(), c.runs.current().number));
        }
        String refusal = c.runs.refusalToFork(from);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        Trainer probe = c.currentScenario().createTrainer();
        c.history.restore(probe, from);
        TrainingConfig old = probe.config();
        TrainingConfig n = old;
        for (Setting.Change change : changes) {
            n = change.apply(n);
        }
        List<Activation> acts = probe.network().activations();
        if (hidden != null) {
            try {
                acts = probe.network().withHidden(hidden);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(hidden.id() + " in " + HiddenActivation.PLACE + ": " + e.getMessage(), e);
            }
        }
        List<String> what = new ArrayList<>();
        String was = HiddenActivation.describe(probe.network().specs());
        if (!acts.equals(probe.network().activations())) {
            probe.setActivations(acts); // the engine's own checks, on a copy
            what.add(HiddenActivation.PLACE + ": " + was + " → " + HiddenActivation.describe(probe.network().specs()));
        }
        what.addAll(differences(old, n));
        if (what.isEmpty()) {
            throw new IllegalArgumentException("The variant's settings are those of run " + c.runs.current().number
                    + " at iteration " + from + ": change at least one of " + places() + ".");
        }
        if (n.seed() != old.seed() && (n.batch().isFull() || !n.shuffle())) {
            throw new IllegalArgumentException("seed " + n.seed() + " in " + Setting.SEED.place() + ": the seed only "
                    + "orders the samples of a shuffled per-sample or mini-batch run; this one is " + n.batch().id()
                    + (n.shuffle() ? "" : " without shuffling") + ". Change the batch mode too, or another setting.");
        }
        probe.setConfig(n); // the engine's own checks (the loss and the targets), on a copy
        int parent = c.runs.current().number;
        String text = begin(from, n, acts, what);
        c.messages.say(String.format(Locale.ROOT, "Variant run %d from run %d at iteration %,d: %s. Step or Run trains "
                + "it.", c.runs.current().number, parent, from, text));
    }

    /**
     * Checks, changing nothing, that the engine takes the settings of every run {@code s} starts beside the first.
     *
     * @throws IllegalArgumentException naming the run and what the engine refused
     */
    static void check(Scenario s) {
        Trainer probe = s.createTrainer();
        for (int i = 0; i < s.variants().size(); i++) {
            try {
                probe.setConfig(s.variants().get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scenario '" + s.name() + "', run " + (i + 2) + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Right after {@code s} was installed (checked by {@link #check}): starts a run beside the first for each of its
     * variants, from the same initial weights and on the same data order, and shows run 1 at iteration 0.
     *
     * @return e.g. "runs 2 and 3 start beside run 1 from the same weights: …", or empty without variants
     */
    String startBeside(Scenario s) {
        List<String> runs = new ArrayList<>();
        for (TrainingConfig v : s.variants()) {
            begin(0, v, null, differences(s.config(), v));
            runs.add(Integer.toString(c.runs.current().number));
            c.navigation.showRun(1);
        }
        if (runs.isEmpty()) {
            return "";
        }
        return (runs.size() == 1 ? "run " + runs.get(0) : "runs " + String.join(", ", runs.subList(0, runs.size() - 1))
                + " and " + runs.get(runs.size() - 1)) + " start beside run 1 from the same weights: Train all to "
                + "races them.";
    }

    /**
     * The run on show forks at {@code from} and trains on with {@code n} and the activations {@code f} (null: its
     * own), an edit there that Back undoes.
     */
    private String begin(long from, TrainingConfig n, List<Activation> f, List<String> what) {
        c.running = false;
        c.noteEndLoss();
        long shown = c.trainer.iteration();
        c.history.restore(c.trainer, from);
        c.fork(from, shown);
        org.backproplab.engine.TrainerState before = c.trainer.state();
        c.trainer.setConfig(n);
        if (f != null && !f.equals(c.trainer.network().activations())) {
            c.trainer.setActivations(f);
        }
        String text = String.join("; ", what);
        c.history.recordEdit(before, c.trainer, text);
        c.history.setEndLoss(Double.NaN, Double.NaN, Double.NaN);
        c.syncDataset();
        c.forgetPhaseWalk();
        c.changes++;
        return text;
    }

    /**
     * @return what differs, setting by setting, e.g. ["η: 0.5 → 2", "optimiser: momentum → Adam"]; a setting that
     *         means nothing in {@code n} (μ of Adam) is left out
     */
    static List<String> differences(TrainingConfig old, TrainingConfig n) {
        List<String> out = new ArrayList<>();
        for (Setting s : Setting.values()) {
            if (s.appliesTo(n) && !s.initialText(old).equals(s.initialText(n))) {
                out.add(s.symbol() + ": " + s.valueOf(old) + " → " + s.valueOf(n));
            }
        }
        return out;
    }

    private static String places() {
        List<String> p = new ArrayList<>(List.of(HiddenActivation.PLACE));
        for (Setting s : Setting.values()) {
            p.add(s.place());
        }
        return String.join(", ", p);
    }
}
