package org.backproplab.engine.exercise;

import java.util.List;
import org.backproplab.engine.Phase;

/**
 * One predict-then-reveal question about what the next phase (or iteration) will do.
 *
 * @param kind     what it asks
 * @param text     the question, e.g. "Will W2 h1→ŷ go up or down in this update?"
 * @param choices  the answers to choose from, one button each
 * @param answer   the index of the right choice (the engine's truth)
 * @param reason   why, with the engine's numbers, e.g. "∂L/∂w = 0.0312 > 0, so Δw = −η·∂L/∂w = −0.0156: down."
 * @param revealAt the phase after which the answer can be seen on screen
 */
public record Question(Kind kind, String text, List<String> choices, int answer, String reason, Phase revealAt) {

    /** The kinds of question. */
    public enum Kind {
        /** Which neuron of a layer gets the largest activation? */
        LARGEST_ACTIVATION,
        /** Which hidden δ of a layer is largest in magnitude? */
        LARGEST_DELTA,
        /** Will this weight go up or down in the update? */
        WEIGHT_DIRECTION,
        /** Will the loss on this batch go down after the update? */
        LOSS_DOWN,
        /** Will ŷ of the sample on show move towards its target? */
        TOWARD_TARGET
    }

    public Question {
        choices = List.copyOf(choices);
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer " + answer + " is not one of the " + choices.size() + " choices");
        }
    }

    /** @return the right choice's text */
    public String answerText() {
        return choices.get(answer);
    }
}
