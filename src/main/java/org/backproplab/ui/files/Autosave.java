package org.backproplab.ui.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.backproplab.io.AtomicFiles;
import org.backproplab.session.SessionRecord;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;

/**
 * Crash safety. While there is unsaved work, the session (every run and its history, as File → Save writes it)
 * is written every {@link #INTERVAL} to {@code autosave-<pid>.json} in the user's data folder
 * ({@link DataFolder}), and at once when the app is told to stop (Ctrl+C, SIGTERM: {@link #saveBeforeExit}).
 * Ending normally (the window closed, the work saved or deliberately not) removes the file. A file whose process
 * is gone (a crash, kill -9, a signal) is offered at the next start: Restore opens it as unsaved work of the file
 * it came from, Discard deletes it.
 */
public final class Autosave {
    /** How often unsaved work is written. */
    public static final Duration INTERVAL = Duration.ofMinutes(2);
    static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    /** Keeps the autosave for the next start: what Esc and closing the dialog do (never a deletion). */
    static final ButtonType LATER = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final Pattern NAME = Pattern.compile("autosave-(\\d{1,18})\\.json");
    private static final String FILE_KEY = "file";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final SessionBridge bridge;
    private final FileCommands files;
    private final Path folder;
    private final Consumer<String> report;
    private final Path json;
    private final Path sidecar;
    private ScheduledExecutorService timer;
    /** The window's unsaved mark, mirrored for the timer and the signal handler (written on the FX thread). */
    private volatile boolean dirty;
    private volatile Path file;
    /** The change count last written; -1 before the first write. Guarded by {@code this}. */
    private long written = -1;
    /** True once the app is stopping on a signal: the file stays for the next start. */
    private volatile boolean keep;

    /**
     * @param folder where autosaves go (created when first needed)
     * @param report shows a sentence in the status bar
     */
    public Autosave(SessionBridge bridge, FileCommands files, Path folder, Consumer<String> report) {
        this.bridge = bridge;
        this.files = files;
        this.folder = folder;
        this.report = report;
        long pid = ProcessHandle.current().pid();
        this.json = folder.resolve("autosave-" + pid + ".json");
        this.sidecar = folder.resolve("autosave-" + pid + ".properties");
    }

    // Commands

    /** Follows the unsaved mark and writes every {@link #INTERVAL} while there is unsaved work (FX thread). */
    public void start() {
        FileViewModel vm = files.model();
        dirty = vm.isDirty();
        file = vm.file();
        vm.dirtyProperty().addListener((o, was, now) -> dirty = now);
        vm.fileProperty().addListener((o, was, now) -> file = now);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backprop-lab-autosave");
            t.setDaemon(true);
            return t;
        });
        long every = INTERVAL.toSeconds();
        timer.scheduleWithFixedDelay(this::writeQuietly, every, every, TimeUnit.SECONDS);
    }

    /**
     * Writes the unsaved work now, if there is any, and keeps it for the next start (any thread but the FX
     * thread: it waits for the session). Called when the app is told to stop.
     */
    public void saveBeforeExit() {
        keep = true;
        writeQuietly();
    }

    /** The app ends normally: stops the timer and, unless it is stopping on a signal, removes the autosave. */
    public void endCleanly() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (!keep) {
            delete(json, sidecar);
        }
    }

    /**
     * Writes the session if it has unsaved work not written yet; removes the autosave if the work has been saved
     * since (the session's own thread answers; waits at most 30 s). The timer calls it; not on the FX thread.
     *
     * @return true if a file was written
     * @throws Exception if the session did not answer or the file could not be written (nothing else changes)
     */
    public synchronized boolean write() throws Exception {
        if (!dirty) {
            delete(json, sidecar);
            written = -1;
            return false;
        }
        TrainingSession.Recorded r = bridge.session().record().get(30, TimeUnit.SECONDS);
        if (r.changes() == written) {
            return false;
        }
        Files.createDirectories(folder);
        new FileCommands.Saving(r.record(), r.changes()).write(json, Exports::text);
        Properties p = new Properties();
        Path f = file;
        if (f != null) {
            p.setProperty(FILE_KEY, f.toAbsolutePath().toString());
        }
        AtomicFiles.write(sidecar, out -> p.store(out, "the file the autosaved session was opened from or saved to"));
        written = r.changes();
        return true;
    }

    private void writeQuietly() {
        try {
            write();
        } catch (Exception e) {
            // diverged weights (nothing finite to save), a full disk: the work is still in the window, and the
            // next attempt or the user's own Save decides
        }
    }

    // Restoring

    /**
     * An autosave left by a process that is gone.
     *
     * @param json the session
     * @param file the file that session was opened from or saved to, or null if it was never saved
     * @param time when it was written
     */
    public record Orphan(Path json, Path file, Instant time) {
    }

    /** @return the newest autosave in {@code folder} whose process is gone, if any */
    public static Optional<Orphan> orphan(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Orphan> found = s.flatMap(p -> orphanOf(p).stream()).toList();
            return found.stream().max(Comparator.comparing(Orphan::time));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Orphan> orphanOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(m.group(1));
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.empty();
        }
        try {
            Properties props = new Properties();
            Path side = sidecarOf(p);
            if (Files.isRegularFile(side)) {
                try (var in = Files.newInputStream(side)) {
                    props.load(in);
                }
            }
            String f = props.getProperty(FILE_KEY);
            return Optional.of(new Orphan(p, f == null ? null : Path.of(f), Files.getLastModifiedTime(p).toInstant()));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Orphan(p, null, Instant.EPOCH));
        }
    }

    private static Path sidecarOf(Path json) {
        String n = json.getFileName().toString();
        return json.resolveSibling(n.substring(0, n.length() - ".json".length()) + ".properties");
    }

    /**
     * If an earlier run left unsaved work, asks whether to restore it (FX thread; the dialog does not block).
     *
     * @return the dialog, if one is shown ({@code #restoreDialog})
     */
    public Optional<Alert> offerRestore(Window owner) {
        return orphan(folder).map(o -> {
            String what = o.file() == null ? "an untitled session" : o.file().getFileName().toString();
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", RESTORE, DISCARD, LATER);
            if (owner != null) {
                a.initOwner(owner);
            }
            a.setTitle("Backprop Lab");
            a.setHeaderText("Restore the work that was not saved?");
            a.setContentText("Backprop Lab stopped without saving " + what + ". Its work was kept on "
                    + TIME.format(o.time().atZone(ZoneId.systemDefault())) + ". Restore opens it as unsaved work; "
                    + "Discard deletes it; Later (or Esc) keeps it for the next start.");
            a.getDialogPane().setId("restoreDialog");
            a.resultProperty().addListener((obs, was, choice) -> {
                if (choice == RESTORE) {
                    restore(o);
                } else if (choice == DISCARD) {
                    delete(o.json(), sidecarOf(o.json()));
                    report.accept("The work kept from the last run was discarded.");
                } else if (choice == LATER) {
                    report.accept("The work kept from the last run is offered again at the next start.");
                }
            });
            a.show();
            return a;
        });
    }

    /**
     * Opens an autosave as unsaved work of the file it came from, then deletes it (its content is in the session,
     * and this run autosaves it again while unsaved).
     *
     * @return completed on the FX thread when done (also after a refusal, which a dialog shows)
     */
    public CompletableFuture<Void> restore(Orphan o) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> FileCommands.read(o.json()))
                .thenCompose((SessionRecord record) -> bridge.session().open(record))
                .thenCompose(message -> bridge.session().sync().thenApply(s -> message))
                .whenComplete((message, err) -> Platform.runLater(() -> {
                    if (err != null) {
                        FileDialogs.problem(null, "Could not restore the work kept from the last run",
                                FileDialogs.reason(err) + "\n\nIt stays in " + o.json() + ".");
                    } else {
                        bridge.refresh();
                        files.model().restored(o.file());
                        delete(o.json(), sidecarOf(o.json()));
                        report.accept("Restored the work kept on " + TIME.format(o.time().atZone(ZoneId.systemDefault()))
                                + " (not saved yet). " + message);
                    }
                    done.complete(null);
                }));
        return done;
    }

    private static void delete(Path... paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // left behind: the next start offers or replaces it
            }
        }
    }

    // Properties

    /** @return the file this run autosaves to */
    public Path file() {
        return json;
    }
}
