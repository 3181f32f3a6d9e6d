package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One phase of an iteration. An iteration of a network with {@code L} weight layers runs
 * {@code FORWARD 1 … FORWARD L, LOSS, BACKWARD L … BACKWARD 1, UPDATE}: {@code 2L + 2} phases.
 *
 * @param kind  what the phase computes
 * @param layer the weight layer it works on (1..L), or 0 for {@code LOSS} and {@code UPDATE}
 */
public record Phase(Kind kind, int layer) {

    /** What a phase computes. */
    public enum Kind {
        /** {@code z^l = a^{l-1} W^l + b^l}, {@code a^l = f(z^l)}. */
        FORWARD,
        /** {@code L(ŷ, y)} per sample and in total, and {@code ∂L/∂ŷ}. */
        LOSS,
        /** {@code δ^l}, {@code ∂L/∂W^l = (a^{l-1})ᵀ δ^l}, {@code ∂L/∂b^l = Σ δ^l}. */
        BACKWARD,
        /** {@code ΔW = μ ΔW_prev − η ∂L/∂W}, {@code W ← W + ΔW} for every layer. */
        UPDATE
    }

    /** @return the phases of one iteration of a network with {@code depth} weight layers, in order */
    public static List<Phase> sequence(int depth) {
        List<Phase> p = new ArrayList<>(2 * depth + 2);
        for (int l = 1; l <= depth; l++) {
            p.add(new Phase(Kind.FORWARD, l));
        }
        p.add(new Phase(Kind.LOSS, 0));
        for (int l = depth; l >= 1; l--) {
            p.add(new Phase(Kind.BACKWARD, l));
        }
        p.add(new Phase(Kind.UPDATE, 0));
        return List.copyOf(p);
    }

    /** @return e.g. {@code "forward 2"}, {@code "loss"}, {@code "backward 1"}, {@code "update"} */
    public String label() {
        String k = kind.name().toLowerCase(java.util.Locale.ROOT);
        return layer > 0 ? k + " " + layer : k;
    }

    @Override
    public String toString() {
        return label();
    }
}
