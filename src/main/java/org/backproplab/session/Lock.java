package org.backproplab.session;

import java.util.Locale;

/**
 * What a lesson can lock: a group of commands the session refuses while it is locked, whatever sent them (a
 * button, a menu, a key, a field). A refused command changes nothing and the next snapshot's message says why.
 */
public enum Lock {
    /** Run, Run to and many steps at once: only step and phase remain (pausing is never locked). */
    RUN("running training (step with → or Shift+→ instead)"),
    /** Back and the history: the previous phase, iteration or session, another iteration or run. */
    BACK("going back"),
    /** Reset and New seed. */
    RESET("reset and new seed"),
    /** η, loss, batch mode, momentum, shuffling, initializer and seed. */
    TRAINING("the training settings"),
    /** Layers, neurons and activations. */
    ARCHITECTURE("the architecture"),
    /** The samples and targets, rows added or removed, the test split, another data set. */
    DATA("the data"),
    /** Weights and biases typed by hand. */
    WEIGHTS("editing weights and biases"),
    /** Another preset or file. */
    LOAD("opening another preset or file");

    private final String what;

    Lock(String what) {
        this.what = what;
    }

    /** @return the id in lesson files, e.g. {@code training} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return what it locks, for people, e.g. "the training settings" */
    public String what() {
        return what;
    }

    /** @return the sentence a refused command says, e.g. "This lesson locks the training settings." */
    public String refusal() {
        return "This lesson locks " + what + ".";
    }

    /** @return the lock of id {@code id}, or null */
    public static Lock of(String id) {
        for (Lock l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return null;
    }
}
