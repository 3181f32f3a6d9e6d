package org.backproplab.ui.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.io.BackpropFile;
import org.backproplab.session.SessionRecord;
import org.backproplab.io.LossCsv;
import org.backproplab.io.PythonExport;
import org.backproplab.session.HistoryRecord;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.graph.NetworkView;
import org.backproplab.ui.loss.LossChartView;

/**
 * The File menu: Open (Ctrl+O), Open Recent, Save (Ctrl+S), Save As (Ctrl+Shift+S), Export and Export as code; the window
 * title with the file name and an unsaved-changes mark; the Save / Don't save / Cancel prompt before closing,
 * quitting or opening over unsaved work. Files are read and written on a background thread, so the window
 * never freezes; every problem becomes a dialog in plain words, and the session is left as it was.
 */
public final class FileCommands {
    private final SessionBridge bridge;
    private final Supplier<Window> owner;
    private final Consumer<String> report;
    private final FileViewModel vm;
    private final RecentFiles recent;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backprop-lab-files");
        t.setDaemon(true);
        return t;
    });
    private NetworkView graph;
    private LossChartView chart;
    private Path lastExport;
    /** How the text of a saved file reaches the disk (tests put a failing writer here). */
    java.util.function.Function<String, Exports.Rendered> jsonWriter = Exports::text;
    /** How a file to open is read (tests put a slow reader here). */
    java.util.function.Function<Path, SessionRecord> reader = FileCommands::read;

    /**
     * @param owner  the window that owns the dialogs
     * @param recent the recent-files list
     * @param report shows a sentence in the status bar
     */
    public FileCommands(SessionBridge bridge, Supplier<Window> owner, RecentFiles recent, Consumer<String> report) {
        this.bridge = bridge;
        this.owner = owner;
        this.recent = recent;
        this.report = report;
        this.vm = new FileViewModel(bridge);
    }

    /** The views whose pictures File → Export writes. */
    public void exportsFrom(NetworkView graphView, LossChartView chartView) {
        this.graph = graphView;
        this.chart = chartView;
    }

    /** Shows the file name and the unsaved mark in the title, and asks before the window closes over unsaved work. */
    public void attach(Stage stage) {
        stage.titleProperty().bind(vm.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (vm.isDirty() || otherWork.pending()) {
                e.consume();
                confirmDiscard("closing", () -> otherWork.confirm(stage::close));
            }
        });
    }

    /** Unsaved work that is not the session's (a student's exercise results), asked about before closing or quitting. */
    public interface OtherWork {
        /** @return true if some of it is not saved */
        boolean pending();

        /** Runs {@code proceed} at once if nothing is pending, else after asking (Save, Don't save; Cancel: never). */
        void confirm(Runnable proceed);
    }

    private OtherWork otherWork = new OtherWork() {
        @Override
        public boolean pending() {
            return false;
        }

        @Override
        public void confirm(Runnable proceed) {
            proceed.run();
        }
    };

    /** Asks about {@code work} too before the window closes or the app quits, after the session's own question. */
    public void alsoAskAbout(OtherWork work) {
        this.otherWork = work;
    }

    // Properties

    public FileViewModel model() {
        return vm;
    }

    public RecentFiles recent() {
        return recent;
    }

    /** @return Open…, Open Recent, Save, Save As…, Export, Export as code…, in menu order */
    public List<MenuItem> menuItems() {
        MenuItem open = item("Open…", "openItem", "Shortcut+O", () -> confirmDiscard("opening another file", this::chooseAndOpen));
        Menu openRecent = new Menu("Open Recent");
        openRecent.setId("openRecentMenu");
        openRecent.setOnShowing(e -> fillRecent(openRecent));
        fillRecent(openRecent);
        MenuItem save = item("Save", "saveItem", "Shortcut+S", () -> save(null));
        MenuItem saveAs = item("Save As…", "saveAsItem", "Shortcut+Shift+S", () -> saveAs(null));
        Menu export = new Menu("Export");
        export.setId("exportMenu");
        export.getItems().addAll(
                item("Loss chart as PNG…", "exportChartPng", null, () -> exportChart(false)),
                item("Loss chart as SVG…", "exportChartSvg", null, () -> exportChart(true)),
                item("Loss history as CSV…", "exportLossCsv", null, this::exportCsv),
                new SeparatorMenuItem(),
                item("Network graph as PNG (2×)…", "exportGraphPng", null, this::exportGraph));
        MenuItem code = item("Export as code (Python)…", "exportCode", null, this::exportCode);
        return List.of(open, openRecent, new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(), export, code);
    }

    private static MenuItem item(String text, String id, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        if (recent.files().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        int i = 1;
        for (Path p : recent.files()) {
            MenuItem m = new MenuItem(i++ + "  " + p.getFileName() + "   —   " + p.getParent());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> openRecent(p));
            menu.getItems().add(m);
        }
    }

    // Commands

    /** Quits after asking about unsaved work. */
    public void requestQuit() {
        confirmDiscard("quitting", () -> otherWork.confirm(Platform::exit));
    }

    /** Runs {@code proceed} at once if nothing is unsaved, else after Save (once saved) or Don't save. */
    void confirmDiscard(String action, Runnable proceed) {
        if (!vm.isDirty()) {
            proceed.run();
            return;
        }
        String name = vm.file() == null ? "this session" : vm.file().getFileName().toString();
        ButtonType choice = FileDialogs.unsaved(owner.get(), name, action);
        if (choice == FileDialogs.DONT_SAVE) {
            proceed.run();
        } else if (choice == FileDialogs.SAVE) {
            save(proceed);
        }
    }

    private void chooseAndOpen() {
        FileDialogs.chooseOpen(owner.get(), vm.file()).ifPresent(this::open);
    }

    private void openRecent(Path p) {
        if (!Files.isRegularFile(p)) {
            recent.remove(p);
            FileDialogs.notice(owner.get(), p.getFileName() + " is no longer there",
                    p + " has been moved or deleted, so it was removed from the recent files.");
            return;
        }
        confirmDiscard("opening another file", () -> open(p));
    }

    /**
     * An open under way. Cancelled while the file is read, the session is never touched; once handed to the session
     * it can no longer be cancelled (it finishes, and File → Open Recent or Back returns). One atomic step decides
     * which came first, so a cancel never reports a session that was in fact replaced.
     */
    private static final class Opening {
        private static final int READING = 0;
        private static final int CANCELLED = 1;
        private static final int SUBMITTED = 2;
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger(READING);

        /** @return true if this cancel stopped the open (the session was not handed the file) */
        boolean cancel() {
            return state.compareAndSet(READING, CANCELLED);
        }

        /** @return true if the file may go to the session (no cancel came first) */
        boolean submit() {
            return state.compareAndSet(READING, SUBMITTED);
        }

        boolean cancelled() {
            return state.get() == CANCELLED;
        }
    }

    private Opening opening;
    private final javafx.beans.property.ReadOnlyBooleanWrapper openingNow = new javafx.beans.property.ReadOnlyBooleanWrapper();

    /** @return true while a file is being opened (the status bar shows Cancel; Esc cancels) */
    public javafx.beans.property.ReadOnlyBooleanProperty openingProperty() {
        return openingNow.getReadOnlyProperty();
    }

    /**
     * Cancels the open under way while its file is being read: the session is never touched. Once the session has
     * the file, the open finishes.
     */
    public void cancelOpen() {
        if (opening != null && opening.cancel()) {
            report.accept("Cancelling the open …");
        }
    }

    /**
     * Reads {@code path} in the background and, if it is a valid file, replaces the session by it (history
     * included). A malformed file gives a dialog naming the field; the session stays as it was. {@link #cancelOpen}
     * stops it and leaves the session as it was.
     *
     * @return completed on the FX thread when done (normally even after a refusal, which the dialog shows)
     */
    public CompletableFuture<Void> open(Path path) {
        cancelOpen();
        Opening mine = new Opening();
        opening = mine;
        openingNow.set(true);
        report.accept("Opening " + path.getFileName() + " … (Esc cancels)");
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> reader.apply(path), io)
                .thenCompose(file -> {
                    if (!mine.submit()) {
                        throw new java.util.concurrent.CancellationException();
                    }
                    return bridge.session().open(file);
                })
                .thenCompose(message -> {
                    return bridge.session().sync().thenApply(s -> {
                        Platform.runLater(() -> opened(path, s.changes(), message));
                        return null;
                    });
                })
                .whenComplete((ok, err) -> Platform.runLater(() -> {
                    if (opening == mine) {
                        opening = null;
                        openingNow.set(false);
                    }
                    if (err != null && mine.cancelled()) {
                        report.accept("Opening " + path.getFileName() + " was cancelled; the session is as it was.");
                    } else if (err != null) {
                        FileDialogs.problem(owner.get(), "Could not open " + path.getFileName(),
                                FileDialogs.reason(err) + "\n\nNothing was changed.");
                        report.accept("Could not open " + path.getFileName() + ".");
                    }
                    done.complete(null);
                }));
        return done;
    }

    /**
     * What Open does before the session takes over, on the files thread: reads and checks the file (a regular
     * file of at most {@link BackpropFile#MAX_BYTES}; see {@link BackpropFile#read(Path)}).
     *
     * @return every run to open
     * @throws java.util.concurrent.CompletionException wrapping the {@link java.io.IOException} that
     *                                                  {@link FileDialogs#reason} turns into the dialog's text
     */
    static SessionRecord read(Path path) {
        try {
            return BackpropFile.read(path).sessionOrState();
        } catch (java.io.IOException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private void opened(Path path, long changes, String message) {
        bridge.refresh();
        vm.savedAs(path, changes);
        recent.add(path);
        report.accept("Opened " + path.getFileName() + ". " + message);
    }

    /** Saves to the current file, or asks where first; then runs {@code then} (may be null). */
    void save(Runnable then) {
        if (vm.file() == null) {
            saveAs(then);
        } else {
            saveTo(vm.file()).thenAccept(ok -> {
                if (ok && then != null) {
                    then.run();
                }
            });
        }
    }

    private void saveAs(Runnable then) {
        String suggested = vm.file() != null ? vm.file().getFileName().toString()
                : bridge.snapshot().scenario().name() + ".json";
        FileDialogs.chooseSave(owner.get(), "Save the session", vm.file(), suggested, "Backprop Lab files (*.json)", ".json")
                .ifPresent(p -> saveTo(p).thenAccept(ok -> {
                    if (ok && then != null) {
                        then.run();
                    }
                }));
    }

    /**
     * Writes the session, history included, atomically to {@code path} in the background. A history too long
     * to be read back is left out (the status bar says so); weights that are not finite are refused.
     *
     * @return completed on the FX thread with true if the file was written
     */
    public CompletableFuture<Boolean> saveTo(Path path) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        bridge.session().record().thenApply(r -> new Saving(r.record(), r.changes()))
                .thenApplyAsync(s -> s.write(path, jsonWriter), io)
                .whenComplete((s, err) -> Platform.runLater(() -> {
                    if (err != null) {
                        FileDialogs.problem(owner.get(), "Could not save " + path.getFileName(),
                                FileDialogs.reason(err) + "\n\nAny file already there is unchanged.");
                        report.accept("Could not save " + path.getFileName() + ".");
                        done.complete(false);
                        return;
                    }
                    vm.savedAs(path, s.changes);
                    recent.add(path);
                    report.accept("Saved " + path.getFileName() + " at iteration " + s.history.iteration()
                            + (s.withHistory ? " with its history of " + (s.history.end() - s.history.start())
                            + " iterations." : " without its history: " + (s.history.end() - s.history.start())
                            + " iterations are too many for a file that can be opened again."));
                    done.complete(true);
                }));
        return done;
    }

    /** A session on its way to a file (File → Save and the {@link Autosave}). */
    static final class Saving {
        final SessionRecord session;
        final HistoryRecord history;
        final long changes;
        boolean withHistory = true;

        Saving(SessionRecord session, long changes) {
            this.session = session;
            this.history = session.shown();
            this.changes = changes;
        }

        private static boolean finite(org.backproplab.engine.Network n) {
            for (int l = 1; l <= n.depth(); l++) {
                for (double[] row : n.layer(l).weights().getData()) {
                    for (double v : row) {
                        if (!Double.isFinite(v)) {
                            return false;
                        }
                    }
                }
                for (double v : n.layer(l).hasBias() ? n.layer(l).bias().toArray() : new double[0]) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
            return true;
        }

        Saving write(Path path, java.util.function.Function<String, Exports.Rendered> writer) {
            if (!finite(history.current().network())) {
                throw new FileDialogs.UserError("The weights are not finite numbers (training diverged at iteration "
                        + history.iteration() + "). Go back to the last finite state, then save.");
            }
            BackpropFile file = BackpropFile.of(session);
            String json = file.toJson();
            if (!BackpropFile.withinReadLimits(json)) {
                json = file.withoutStoredStates().toJson();
            }
            if (!BackpropFile.withinReadLimits(json)) {
                json = file.withoutHistory().toJson();
                withHistory = false;
            }
            try {
                writer.apply(json).write(path);
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            return this;
        }
    }

    // ---- exports ------------------------------------------------------------------------------------------

    private void exportChart(boolean svg) {
        if (chart == null) {
            report.accept("The loss chart is not in this window.");
            return;
        }
        String ext = svg ? ".svg" : ".png";
        Exports.Rendered r = svg ? Exports.chartSvg(chart.chart()) : Exports.chartPng(chart.chart());
        chooseExport("Export the loss chart", baseName() + "-loss" + ext, svg ? "SVG images (*.svg)" : "PNG images (*.png)", ext)
                .ifPresent(p -> writeExport(p, CompletableFuture.completedFuture(r), "the loss chart"));
    }

    private void exportCsv() {
        chooseExport("Export the loss history", baseName() + "-loss.csv", "CSV files (*.csv)", ".csv").ifPresent(p ->
                writeExport(p, bridge.session().lossHistory().thenApply(h -> Exports.text(LossCsv.text(h.start(), h.losses(),
                        h.testLosses(), h.penalties()))), "the loss history"));
    }

    private void exportGraph() {
        if (graph == null) {
            report.accept("The network graph is not in this window.");
            return;
        }
        Exports.Rendered r = Exports.graphPng(graph.snapshotImage(2));
        chooseExport("Export the network graph", baseName() + "-network.png", "PNG images (*.png)", ".png")
                .ifPresent(p -> writeExport(p, CompletableFuture.completedFuture(r), "the network graph"));
    }

    private void exportCode() {
        chooseExport("Export as code", baseName() + PythonExport.EXTENSION, "Python scripts (*.py)", PythonExport.EXTENSION).ifPresent(p ->
                writeExport(p, codeScript(), "the network as code"));
    }

    /**
     * @return the Python script that trains from where the run on show last started (its first state, or the last
     *         change made by hand) to the iteration on show, or for the scenario's length when nothing has run yet;
     *         it is built by the writer, off the FX thread and the session's worker
     */
    private CompletableFuture<Exports.Rendered> codeScript() {
        return bridge.session().runStart().thenApply(r -> Exports.later(() -> PythonExport.script(r.scenarioName(),
                r.start(), r.iterations(), Math.max(1, r.iterations() / 10))));
    }

    private java.util.Optional<Path> chooseExport(String title, String suggested, String description, String ext) {
        Path near = lastExport != null ? lastExport : vm.file();
        return FileDialogs.chooseSave(owner.get(), title, near, suggested, description, ext);
    }

    private String baseName() {
        if (vm.file() != null) {
            String n = vm.file().getFileName().toString();
            return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
        }
        return bridge.snapshot().scenario().name();
    }

    /**
     * Writes an export atomically in the background.
     *
     * @return completed on the FX thread with true if written
     */
    CompletableFuture<Boolean> writeExport(Path path, CompletableFuture<Exports.Rendered> rendered, String what) {
        lastExport = path;
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        rendered.thenAcceptAsync(r -> {
            try {
                r.write(path);
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io).whenComplete((ok, err) -> Platform.runLater(() -> {
            if (err != null) {
                FileDialogs.problem(owner.get(), "Could not export " + what, FileDialogs.reason(err));
            } else {
                report.accept("Exported " + what + " to " + path.getFileName() + ".");
            }
            done.complete(err == null);
        }));
        return done;
    }

    /** Exports for tests and scripts: {@code kind} is one of chart-png, chart-svg, loss-csv, graph-png, code (FX thread). */
    public CompletableFuture<Boolean> export(String kind, Path path) {
        CompletableFuture<Exports.Rendered> r = switch (kind) {
            case "chart-png" -> CompletableFuture.completedFuture(Exports.chartPng(chart.chart()));
            case "chart-svg" -> CompletableFuture.completedFuture(Exports.chartSvg(chart.chart()));
            case "graph-png" -> CompletableFuture.completedFuture(Exports.graphPng(graph.snapshotImage(2)));
            case "loss-csv" -> bridge.session().lossHistory().thenApply(h -> Exports.text(LossCsv.text(h.start(), h.losses(),
                    h.testLosses(), h.penalties())));
            case "code" -> codeScript();
            default -> throw new IllegalArgumentException("unknown export " + kind);
        };
        return writeExport(path, r, kind);
    }
}
