package org.backproplab.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;

/**
 * What the runs table and the chart's legend show of every run, and the curves of the runs not on show. A run not
 * on show does not change, so its end (loss, accuracy, divergence) and its decimated curve are measured once and
 * kept until it changes: each snapshot costs the same however many runs there are and however long they are.
 * Owned by the worker.
 */
final class RunSummaries {
    /** A run's end as measured: the {@link History#version()} it was measured at and the numbers. */
    record End(long version, double loss, double accuracy, boolean diverged) {
    }

    /** A run's curve as decimated: the {@link History#version()} and the axis it was made for, and the curve. */
    record Curve(long version, boolean log, LossCurve losses) {
    }

    private RunSummaries() {
    }

    /**
     * @param shown the scores of the weights on show (the run on show's end, when it is shown at its end)
     * @return every run, oldest first, with the settings in which the runs differ, the hidden activation first
     *         (e.g. "ReLU, η 0.5")
     */
    static List<RunInfo> infos(SessionCore c, Scores shown) {
        List<Runs.Run> all = c.runs.all();
        List<TrainingConfig> configs = new ArrayList<>(all.size());
        for (Runs.Run r : all) {
            configs.add(r.history.configAtEnd());
        }
        List<String> activations = new ArrayList<>(all.size());
        for (Runs.Run r : all) {
            activations.add(HiddenActivation.describe(r.history.layersAtEnd()));
        }
        boolean activationsDiffer = new LinkedHashSet<>(activations).size() > 1;
        List<Setting> differing = differing(configs);
        List<RunInfo> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Runs.Run r = all.get(i);
            End e = end(c, r, shown);
            List<String> settings = new ArrayList<>();
            if (activationsDiffer) {
                settings.add(activations.get(i));
            }
            settings.addAll(describe(differing, configs.get(i)));
            out.add(new RunInfo(r.number, r.parent, r.forkedAt, r.history.length(), e.loss(), r == c.runs.current(),
                    String.join(", ", settings), e.accuracy(), r.trainingNanos, e.diverged()));
        }
        return List.copyOf(out);
    }

    /** @return each of {@code settings} that means something in {@code c} as a legend names it, e.g. "η 0.5", "Adam" */
    static List<String> describe(List<Setting> settings, TrainingConfig c) {
        List<String> out = new ArrayList<>();
        for (Setting s : settings) {
            if (s.appliesTo(c)) {
                out.add(s.describe(c));
            }
        }
        return out;
    }

    /** @return the curve of every run not on show, oldest first, decimated as the run on show's */
    static List<RunCurve> curves(SessionCore c, Scores shown) {
        List<RunCurve> out = new ArrayList<>();
        for (Runs.Run r : c.runs.all()) {
            if (r == c.runs.current()) {
                continue;
            }
            History h = r.history;
            Curve k = r.curve;
            if (k == null || k.version() != h.version() || k.log() != c.logIterations) {
                double tail = end(c, r, shown).loss();
                k = new Curve(h.version(), c.logIterations, h.losses().curve(TrainingSession.CURVE_POINTS,
                        h.base(), h.length(), Double.isFinite(tail) ? tail : Double.NaN, c.logIterations));
                r.curve = k;
            }
            out.add(new RunCurve(r.number, k.losses()));
        }
        return List.copyOf(out);
    }

    /** @return the settings whose values are not the same in all {@code configs}, in {@link Setting} order */
    static List<Setting> differing(List<TrainingConfig> configs) {
        List<Setting> out = new ArrayList<>();
        for (Setting s : Setting.values()) {
            Set<String> values = new LinkedHashSet<>();
            for (TrainingConfig cfg : configs) {
                values.add(s.initialText(cfg));
            }
            if (values.size() > 1) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * @return the end of run {@code r}: from {@code shown} for the run on show at its end, else as measured the last
     *         time at this version of its history, else measured now on a copy of the trainer
     */
    private static End end(SessionCore c, Runs.Run r, Scores shown) {
        History h = r.history;
        if (r == c.runs.current() && c.trainer.iteration() == h.length()) {
            double loss = shown.trainingLoss();
            return new End(h.version(), loss, shown.trainingAccuracy(), c.trainer.isDiverged() || !Double.isFinite(loss));
        }
        End e = r.end;
        if (e != null && e.version() == h.version()) {
            return e;
        }
        Trainer t = c.currentScenario().createTrainer();
        h.restore(t, h.length());
        org.backproplab.engine.IterationTrace eval = t.evaluate();
        double loss = t.hasTestRows() ? t.datasetLoss() : eval.loss();
        double accuracy = Scores.accuracy(eval.output().getData(), eval.targets().getData(), t.trainingRows());
        e = new End(h.version(), loss, accuracy, t.isDiverged() || !Double.isFinite(loss));
        r.end = e;
        return e;
    }
}
