package org.backproplab.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.backproplab.ui.files.Autosave;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C (SIGINT), SIGTERM and SIGHUP (the terminal closed) end the window as cleanly as closing it: unsaved work
 * is written to the autosave file (offered at the next start), then the application exits through
 * {@link Platform#exit}, so no frame is drawn by a renderer that the JVM is already shutting down (which printed a
 * stack trace), and the process ends with status 0. A signal the process was started to ignore (a background job
 * of a shell ignores SIGINT) stays ignored.
 */
final class SignalExit {
    /** How long saving and closing may take before the process is ended anyway. */
    static final long GRACE_MILLIS = 20_000;
    private static final AtomicBoolean EXITING = new AtomicBoolean();
    /** Set by {@link WindowLauncher}: only a process of its own handles signals (never a test's JVM). */
    static volatile boolean enabled;

    private SignalExit() {
    }

    /** Handles INT, TERM and HUP from now on (where the platform has them), if {@link #enabled}. */
    static void install(Autosave autosave) {
        if (!enabled) {
            return;
        }
        SignalHandler handler = s -> exit(autosave);
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal signal = new Signal(name);
                if (Signal.handle(signal, handler) == SignalHandler.SIG_IGN) {
                    Signal.handle(signal, SignalHandler.SIG_IGN);
                }
            } catch (IllegalArgumentException e) {
                // no such signal here (HUP on Windows), or the JVM keeps it for itself
            }
        }
    }

    /** On the signal's own thread: save, then close the window; a second signal while this runs is ignored. */
    private static void exit(Autosave autosave) {
        if (!EXITING.compareAndSet(false, true)) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                // the application ended in time
            }
        }, "backprop-lab-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        autosave.saveBeforeExit();
        Platform.exit();
    }
}
