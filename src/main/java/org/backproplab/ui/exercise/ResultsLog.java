package org.backproplab.ui.exercise;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.io.ResultsFile;

/**
 * The student's results of this session (FX thread, no nodes): every answer graded and every prediction revealed
 * becomes a task of a {@link ResultsFile}. The student's name is asked once per session, when the first task is
 * recorded (the name remembered from last time is offered), or set from the Exercises menu; it is remembered in the
 * preferences, as is the results folder. With a results folder chosen, the results are written there after every
 * task ({@code <name>-<lesson>-<date>-<time>.backprop-results.json}, atomically, in the background); otherwise they
 * are written when the student saves them, and {@link #unsavedProperty()} counts the tasks not written yet (the
 * window asks about them before closing); meanwhile a copy is kept in the app's data folder ({@link #keepCopiesIn}),
 * so that a crash or a signal loses nothing.
 */
public final class ResultsLog {
    /** The name written when the student gave none. */
    static final String NO_NAME = "unnamed";
    static final String NAME_KEY = "student";
    static final String FOLDER_KEY = "folder";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private final Preferences prefs;
    private final Clock clock;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backprop-lab-results");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyStringWrapper student = new ReadOnlyStringWrapper(this, "student", "");
    private final ReadOnlyBooleanWrapper askName = new ReadOnlyBooleanWrapper(this, "askName", false);
    private final ReadOnlyIntegerWrapper unsaved = new ReadOnlyIntegerWrapper(this, "unsaved", 0);
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Supplier<String> lesson = () -> "session";
    private boolean named;
    private ResultsFile results;
    /** The file last written into the results folder or the copies' folder (replaced when the name changes). */
    private Path autoFile;
    /** Where copies are kept while no results folder is chosen, or null. */
    private Path keep;

    /**
     * @param prefs where the name and the results folder are remembered
     * @param clock the time of each task
     */
    public ResultsLog(Preferences prefs, Clock clock) {
        this.prefs = prefs;
        this.clock = clock;
        student.set(prefs.get(NAME_KEY, ""));
        String f = prefs.get(FOLDER_KEY, "");
        folder.set(f.isEmpty() ? null : Path.of(f));
    }

    /**
     * @return the {@code results} child of the user's node of the application ({@code org/backproplab/lab}, or the
     *         node named by the system property {@code backproplab.prefs}, which tests use)
     */
    public static Preferences userNode() {
        return Preferences.userRoot().node(System.getProperty("backproplab.prefs", "org/backproplab/lab")).node("results");
    }

    // Properties

    /** @return the student's name as typed (remembered from last time until confirmed), or empty */
    public ReadOnlyStringProperty studentProperty() {
        return student.getReadOnlyProperty();
    }

    /** @return true while the name should be asked: a task was recorded and the name was not given this session */
    public ReadOnlyBooleanProperty askNameProperty() {
        return askName.getReadOnlyProperty();
    }

    /** @return how many tasks are not written to any file yet */
    public ReadOnlyIntegerProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** @return the folder the results are written to after every task, or null */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** @return what happened to the results last, e.g. "Results saved to ada-xor-2026-03-02.backprop-results.json" */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return the results so far, or null before the first task */
    public ResultsFile results() {
        return results;
    }

    /** @return the name of the file Save results suggests: {@code <name>-<lesson>-<date>.backprop-results.json} */
    public String suggestedName() {
        ResultsFile r = results != null ? results : new ResultsFile(name(), lessonNow(), clock.instant(), List.of());
        return r.fileName(LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault()).format(DATE));
    }

    // Commands

    /** Where the lesson's name comes from: the file or the preset the session started from. */
    public void lessonFrom(Supplier<String> name) {
        this.lesson = name;
    }

    /** Records a graded answer. */
    public void record(ExerciseViewModel.Answered a) {
        record(new ResultsFile.Task(ResultsFile.Kind.ANSWER, a.row().symbol(), a.row().label(), a.phase().label(),
                a.iteration(), a.text().strip(), a.grade().right(), a.grade().right() ? null : a.grade().diagnosis(),
                clock.instant()));
    }

    /** Records a prediction revealed. */
    public void record(PredictionViewModel.Predicted p) {
        record(new ResultsFile.Task(ResultsFile.Kind.PREDICTION,
                p.question().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), p.question().text(),
                p.question().revealAt().label(), p.iteration(), p.question().choices().get(p.chosen()), p.right(),
                null, clock.instant()));
    }

    /**
     * Records a lesson's goal, reached or not.
     *
     * @param id        the goal's id in the lesson, e.g. {@code test-loss-under-0.1}
     * @param text      the goal as the lesson states it
     * @param step      where in the lesson it is, e.g. {@code step 4}
     * @param iteration the iteration the session was at when it was checked
     * @param reached   true if the goal was reached
     * @param what      what the student's state was, e.g. {@code test loss 0.08 with 3 hidden neurons}
     */
    public void recordGoal(String id, String text, String step, long iteration, boolean reached, String what) {
        record(new ResultsFile.Task(ResultsFile.Kind.GOAL, id, text, step, iteration, what, reached, null,
                clock.instant()));
    }

    private void record(ResultsFile.Task t) {
        results = results == null ? new ResultsFile(name(), lessonNow(), t.time(), List.of(t)) : results.with(t);
        unsaved.set(unsaved.get() + 1);
        if (!named) {
            askName.set(true);
        }
        writeToFolder();
    }

    /**
     * The student's name, typed in the panel or the menu: remembered, and written into the results (blank: the
     * name stays as it was).
     *
     * @throws IllegalArgumentException naming the text if it is too long or has a control character
     */
    public void setStudent(String name) {
        String n = name == null ? "" : name.strip();
        named = true;
        askName.set(false);
        if (n.isEmpty()) {
            return;
        }
        String problem = nameProblem(n);
        if (problem != null) {
            named = false;
            askName.set(results != null);
            throw new IllegalArgumentException("The name “" + n + "” " + problem);
        }
        student.set(n);
        prefs.put(NAME_KEY, n);
        flush();
        if (results != null && !results.student().equals(n)) {
            results = results.by(n);
            unsaved.set(Math.max(unsaved.get(), 1));
            writeToFolder();
        }
    }

    private static String nameProblem(String n) {
        try {
            new ResultsFile(n, "x", Instant.EPOCH, List.of());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage().replaceFirst("^student ", "");
        }
    }

    /** The folder the results are written to after every task (null: none), remembered; writes them there now. */
    public void setFolder(Path f) {
        folder.set(f);
        autoFile = null;
        if (f == null) {
            prefs.remove(FOLDER_KEY);
        } else {
            prefs.put(FOLDER_KEY, f.toAbsolutePath().toString());
        }
        flush();
        writeToFolder();
    }

    /**
     * Writes the results to {@code path} atomically, in the background.
     *
     * @return completed on the FX thread with true if written
     */
    public CompletableFuture<Boolean> saveTo(Path path) {
        ResultsFile r = results != null ? results : new ResultsFile(name(), lessonNow(), clock.instant(), List.of());
        return write(r, path, null, true);
    }

    /**
     * While no results folder is chosen, a copy of the results is written into {@code f} after every task (the
     * app's data folder): a crash or a signal loses nothing. A copy does not count as saved.
     */
    public void keepCopiesIn(Path f) {
        keep = f;
    }

    private void writeToFolder() {
        boolean chosen = folder.get() != null;
        Path f = chosen ? folder.get() : keep;
        if (f == null || results == null) {
            return;
        }
        ResultsFile r = results;
        String time = LocalDateTime.ofInstant(r.started(), ZoneId.systemDefault()).format(DATE_TIME);
        Path target = f.resolve(r.fileName(time));
        Path old = autoFile != null && !autoFile.equals(target) ? autoFile : null;
        autoFile = target;
        write(r, target, old, chosen);
    }

    /** @param counts true if the file is where the student saves (then the tasks written are no longer unsaved) */
    private CompletableFuture<Boolean> write(ResultsFile r, Path path, Path replaces, boolean counts) {
        int tasks = r.tasks().size();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                if (!counts) {
                    java.nio.file.Files.createDirectories(path.getParent());
                }
                r.write(path);
                if (replaces != null) {
                    java.nio.file.Files.deleteIfExists(replaces);
                }
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io).whenComplete((ok, err) -> Platform.runLater(() -> {
            if (err != null) {
                Throwable c = err.getCause() != null ? err.getCause() : err;
                status.set((counts ? "Could not save the results: " : "Could not keep a copy of the results: ")
                        + c.getMessage());
                done.complete(false);
                return;
            }
            if (!counts) {
                done.complete(true);
                return;
            }
            // tasks recorded while it was being written are still unsaved
            if (results != null && results.tasks().size() == tasks && results.student().equals(r.student())) {
                unsaved.set(0);
            }
            status.set("Results saved to " + path.getFileName() + " (" + tasks + (tasks == 1 ? " task)" : " tasks)"));
            done.complete(true);
        }));
        return done;
    }

    private String name() {
        return student.get().isBlank() ? NO_NAME : student.get();
    }

    private String lessonNow() {
        String l = lesson.get();
        l = l == null ? "" : l.replaceAll("\\p{Cntrl}", " ").strip();
        if (l.length() > ResultsFile.MAX_NAME) {
            l = l.substring(0, ResultsFile.MAX_NAME);
        }
        return l.isEmpty() ? "session" : l;
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException | IllegalStateException e) {
            System.err.println("Backprop Lab: could not remember the results settings: " + e.getMessage());
        }
    }
}
