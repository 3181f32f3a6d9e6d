package org.backproplab.session;

import java.util.Locale;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.backproplab.text.NumberText;

/**
 * Where "Run to…" stops: at iteration {@code count} (that many updates made), or at epoch {@code count} as the
 * trainer counts epochs ({@link Trainer#epochs()}: passes over the training rows).
 *
 * @param count the iteration or epoch to stop at, 0 to {@link Trainer#MAX_ITERATION}
 * @param unit  what {@code count} counts
 */
public record RunTarget(long count, Unit unit) {
    /** The field's name in messages. */
    public static final String PLACE = "Run to";
    /** Epochs as the trainer counts them are fractions; an epoch count this close to a whole one is that one. */
    static final double EPOCH_TOLERANCE = 1e-9;

    /** What a target counts. */
    public enum Unit {
        ITERATIONS, EPOCHS
    }

    /** @throws IllegalArgumentException naming the count if it is outside 0 to {@link Trainer#MAX_ITERATION} */
    public RunTarget {
        java.util.Objects.requireNonNull(unit, "unit");
        if (count < 0 || count > Trainer.MAX_ITERATION) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %,d %s is not allowed: expected 0 to %,d",
                    PLACE, count, unit == Unit.EPOCHS ? "epochs" : "iterations", Trainer.MAX_ITERATION));
        }
    }

    /** @return iteration {@code n} */
    public static RunTarget iterations(long n) {
        return new RunTarget(n, Unit.ITERATIONS);
    }

    /** @return epoch {@code n} */
    public static RunTarget epochs(long n) {
        return new RunTarget(n, Unit.EPOCHS);
    }

    /**
     * The target of a scenario's tutorial: {@link Scenario#iterations()} updates; counted in epochs when the
     * scenario trains per sample or in mini-batches and that many updates are whole epochs (the 2-2-1
     * tutorial's 4,000 updates are its "1000 epochs").
     */
    public static RunTarget of(Scenario s) {
        long n = s.iterations();
        if (s.config().batch().isFull()) {
            return iterations(n);
        }
        int perEpoch = s.config().batch().batchesPerEpoch(s.dataset().size());
        return n % perEpoch == 0 ? epochs(n / perEpoch) : iterations(n);
    }

    /**
     * Reads what was typed in the Run to field: a whole number ({@code 1500}, {@code 1e3}), optionally followed by
     * {@code iterations} or {@code epochs} ({@code 1000 epochs}, {@code 1 epoch}; any case).
     *
     * @throws IllegalArgumentException naming the text, the field and what it takes, e.g. {@code 'abc' in Run to:
     *                                  expected …}
     */
    public static RunTarget parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Unit unit = Unit.ITERATIONS;
        String[] units = {"epochs", "epoch", "iterations", "iteration"};
        for (String u : units) {
            if (t.endsWith(u)) {
                unit = u.startsWith("epoch") ? Unit.EPOCHS : Unit.ITERATIONS;
                t = t.substring(0, t.length() - u.length()).strip();
                break;
            }
        }
        long n;
        try {
            n = NumberText.parseWhole(t, PLACE, 0, Trainer.MAX_ITERATION);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(refusal(text));
        }
        return new RunTarget(n, unit);
    }

    /** @return the message a text the field cannot read is refused with */
    public static String refusal(String text) {
        String t = text == null ? "" : text.strip();
        return (t.isEmpty() ? "nothing typed" : "'" + t + "'") + " in " + PLACE + String.format(Locale.ROOT,
                ": expected a whole number of iterations from 0 to %,d, such as 1500, or of epochs, such as 1000 epochs",
                Trainer.MAX_ITERATION);
    }

    /** @return the text the field shows: {@code 1500} or {@code 1000 epochs} */
    public String text() {
        return unit == Unit.EPOCHS ? count + (count == 1 ? " epoch" : " epochs") : Long.toString(count);
    }

    /** @return e.g. "iteration 1,500" or "epoch 1,000" */
    public String describe() {
        return String.format(Locale.ROOT, "%s %,d", unit == Unit.EPOCHS ? "epoch" : "iteration", count);
    }

    /**
     * The iteration to stop at, counted from where {@code t} stands: {@code count} itself for iterations; for epochs
     * the first iteration {@code k} whose epoch count {@code e(k) = e_now + (k − k_now) / B} reaches {@code count},
     * that is {@code k = k_now + ⌈(count − e_now)·B⌉}, where {@code B} is the trainer's batches per epoch now (it
     * counts epochs that way until the batch size or the training rows change). Before {@code k_now} the result holds
     * only if neither changed in between (check it on a copy).
     *
     * @throws IllegalArgumentException if that iteration is beyond {@link Trainer#MAX_ITERATION}
     */
    long iterationFor(Trainer t) {
        if (unit == Unit.ITERATIONS) {
            return count;
        }
        long perEpoch = t.config().batch().batchesPerEpoch(t.trainingRowCount());
        double offset = Math.ceil((count - t.epochs()) * perEpoch - EPOCH_TOLERANCE * perEpoch);
        double k = t.iteration() + offset;
        if (k > Trainer.MAX_ITERATION) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s epoch %,d is beyond the last iteration a run "
                    + "may reach (%,d): expected at most %,d epochs", PLACE, count, Trainer.MAX_ITERATION,
                    (long) (t.epochs() + (Trainer.MAX_ITERATION - t.iteration()) / (double) perEpoch)));
        }
        return (long) k;
    }

    /** @return true if {@code t} stands at this target (for epochs: its epoch count is {@code count}) */
    boolean reachedBy(Trainer t) {
        return unit == Unit.ITERATIONS ? t.iteration() == count
                : Math.abs(t.epochs() - count) <= EPOCH_TOLERANCE * Math.max(1, count);
    }

    // written out: a record's own equals and hashCode are linked at their first call, a few ms of the window's first
    // frame (which compares targets)
    @Override
    public boolean equals(Object o) {
        return o instanceof RunTarget t && t.count == count && t.unit == unit;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + unit.hashCode();
    }
}
