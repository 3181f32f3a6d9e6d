package org.backproplab.ui.shell;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.data.Scenario;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.divergence.DivergenceBanner;
import org.backproplab.ui.exercise.ExerciseMode;
import org.backproplab.ui.gradcheck.GradientCheckWindow;
import org.backproplab.ui.history.HistoryScrubber;
import org.backproplab.ui.worked.WorkedExampleDialog;
import org.backproplab.ui.architecture.ArchitecturePanel;
import org.backproplab.ui.boundary.NeuronThumbnails;
import org.backproplab.ui.boundary.SideTabs;
import org.backproplab.ui.datasets.DataMenus;
import org.backproplab.ui.datasets.ScoresView;
import org.backproplab.ui.datasets.SplitControl;
import org.backproplab.ui.files.FileCommands;
import org.backproplab.ui.files.RecentFiles;
import org.backproplab.ui.data.DataTableView;
import org.backproplab.ui.graph.NetworkView;
import org.backproplab.ui.graph.WeightPictures;
import org.backproplab.ui.inspector.InspectorView;
import org.backproplab.ui.loss.LossChartView;
import org.backproplab.ui.presenter.Presenter;
import org.backproplab.ui.presenter.PresenterPrefs;
import org.backproplab.ui.presenter.PresenterView;
import org.backproplab.ui.lecture.Lecture;
import org.backproplab.ui.lecture.LectureKeys;
import org.backproplab.ui.lecture.LectureLayout;
import org.backproplab.ui.lecture.LecturePrefs;
import javafx.scene.control.TabPane;

/**
 * The main window's content: the menu bar and the toolbar on top; the network graph in the centre with the
 * inspector on its right; the loss chart and the data table below; a status bar at the bottom showing the
 * session's last message and the next phase. All panes are resizable.
 *
 * <p>Made by a constructor, the window is complete at once. Made by {@link #firstScreen}, it has what its first
 * frame shows (the graph and the status bar, an empty menu bar and an empty toolbar of their final heights, and empty
 * places of their final size for the rest), and once shown, {@link #completeLater} makes the menus with the toolbar,
 * the side tabs, then the loss chart with the data table (they share a row), on the following frames, each in its
 * place, and then puts in the (hidden) lesson panel ({@link #whenComplete} tells when). The keys work meanwhile:
 * those of the toolbar (→, Space…) at once, those of the menu items once the menus are in ({@link EarlyKeys}); the
 * parts made later show the session as it is when they are made.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final PresenterView presenter;
    private final FileCommands files;
    private final RunToModel runTo;
    private final AutoPlay autoPlay;
    private final ShortcutsOverlay shortcutsOverlay = new ShortcutsOverlay();
    private final Lecture lecture;
    private LectureLayout lectureLayout;
    private LectureKeys lectureKeys;
    private final ExerciseMode exercises;
    private final org.backproplab.ui.lesson.LessonMode lessons;
    /** The architecture editor's panel (the editor is made when first opened). */
    private final ArchitecturePanel architecture;
    private final LaterParts later = new LaterParts();
    /**
     * The status bar's place for Check my working and Predict, filled with the menus and the toolbar after the first
     * frame (their keys, X and P, are the window's and work before); until then it holds {@link #asHighAsToggles}, so
     * the bar is as high on the first frame as after, and nothing moves when they come.
     */
    private final HBox statusToggles = new HBox(asHighAsToggles());
    /** Keys for the menu bar's items pressed before it is made. */
    private final EarlyKeys earlyKeys = new EarlyKeys();
    /** Set once a key or a mouse button is pressed in the window. */
    private boolean touched;
    private final CompletableFuture<MainWindow> complete = new CompletableFuture<>();

    /**
     * @param bridge  the session as the window sees it
     * @param state   the view state shared by the components
     * @param presets the scenarios offered in the Network menu and the preset choice
     */
    public MainWindow(SessionBridge bridge, UiState state, List<Scenario> presets) {
        this(bridge, state, new MainViewModel(bridge, presets));
        later.makeNow();
    }

    /**
     * The window on the built-in presets, whose real data sets are read when first chosen.
     *
     * @param bridge the session as the window sees it
     * @param state  the view state shared by the components
     */
    public MainWindow(SessionBridge bridge, UiState state) {
        this(bridge, state, new MainViewModel(bridge));
        later.makeNow();
    }

    /**
     * The window on the built-in presets with what its first frame shows; call {@link #completeLater} once it is
     * shown. In lecture mode (its layout moves the parts into drawers) the window is made complete at once.
     *
     * @param bridge the session as the window sees it
     * @param state  the view state shared by the components
     */
    public static MainWindow firstScreen(SessionBridge bridge, UiState state) {
        MainWindow w = new MainWindow(bridge, state, new MainViewModel(bridge));
        if (w.lecture.onProperty().get()) {
            w.later.makeNow();
        }
        return w;
    }

    /** Makes the parts the first frame did without, one a frame from the frame after the next (call once shown). */
    public void completeLater() {
        later.makeOnFrames();
    }

    /** @return completed with this window once every part of it is made (at once if made by a constructor) */
    public CompletableFuture<MainWindow> whenComplete() {
        return complete;
    }

    private MainWindow(SessionBridge bridge, UiState state, MainViewModel vm) {
        this.vm = vm;
        later.done().whenComplete((v, e) -> {
            if (e == null) {
                complete.complete(this);
            } else {
                complete.completeExceptionally(e);
            }
        });
        this.runTo = new RunToModel(bridge);
        this.autoPlay = new AutoPlay(vm);
        getStyleClass().add("main-window");
        this.presenter = new PresenterView(new Presenter(state, PresenterPrefs.user()));
        this.lecture = new Lecture(state, LecturePrefs.user());
        java.util.function.Supplier<javafx.stage.Window> owner = () -> getScene() == null ? null : getScene().getWindow();
        this.files = new FileCommands(bridge, owner, new RecentFiles(RecentFiles.userNode()), vm::report);
        this.exercises = new ExerciseMode(bridge, state);
        this.lessons = new org.backproplab.ui.lesson.LessonMode(bridge, state, exercises, owner, vm::report);
        // the results name the lesson by the lesson open, else the file the session was opened from, else its preset
        exercises.results().lessonFrom(() -> lessons.player().openProperty().get() ? lessons.player().name()
                : files.model().file() != null
                ? files.model().file().getFileName().toString().replaceFirst("\\.json$", "")
                : bridge.snapshot().scenario().name());
        exercises.results().keepCopiesIn(org.backproplab.ui.files.DataFolder.user().resolve("results"));
        exercises.results().statusProperty().addListener((o, was, is) -> vm.report(is));
        files.alsoAskAbout(new FileCommands.OtherWork() {
            @Override
            public boolean pending() {
                return exercises.resultsView().hasUnsaved();
            }

            @Override
            public void confirm(Runnable proceed) {
                exercises.resultsView().confirmSaved(proceed);
            }
        });
        // the menus and the toolbar: the first part made after the first frame, in empty bars of their height
        setTop(TopBars.place());
        later.add(() -> top(bridge, state, owner));
        architecture = new ArchitecturePanel(bridge, state, panes(bridge, state));
        // the editor is made when first opened, maybe while a lesson locks its controls
        architecture.shownProperty().addListener((o, was, now) -> {
            if (now) {
                lessons.relock();
            }
        });
        // a lesson's steps beside the graph, in both layouts
        VBox panes = new VBox(architecture);
        VBox.setVgrow(architecture, Priority.ALWAYS);
        HBox.setHgrow(panes, Priority.ALWAYS);
        HBox center = new HBox(panes);
        setCenter(center);
        HBox status = statusBar();
        setBottom(status);
        // hidden and taking no room until needed, these are styled and laid out after the first frame: the lesson
        // panel, the divergence banner above the panes, the lecture's drawer bar and Cancel (of a file being opened)
        later.add(() -> {
            center.getChildren().add(0, lessons.panel());
            panes.getChildren().add(0, new DivergenceBanner(bridge, state));
            status.getChildren().add(0, lectureLayout.drawerBar());
            status.getChildren().add(2, cancelOpen());
        });
        shortcutsOverlay.attachTo(this);
    }

    /**
     * Makes the menu bar and the toolbar (and the status bar's Check my working and Predict) and puts them in the room
     * kept for them; then passes on the keys for their menu items pressed meanwhile ({@link EarlyKeys}), and gives
     * Step the keyboard focus if nothing has it.
     */
    private void top(SessionBridge bridge, UiState state, java.util.function.Supplier<javafx.stage.Window> owner) {
        statusToggles.getChildren().setAll(exercises.toggles());
        ShellToolbar toolbar = new ShellToolbar(vm);
        toolbar.addPace(new PaceControls(runTo, autoPlay).node(), neuronMapsToggle(state));
        ShellMenus menus = new ShellMenus(vm, state, bridge, owner, files);
        presenter.addMenuItems(menus.node());
        exercises.installMenu(menus.node());
        lessons.installMenu(menus.node());
        lectureKeys.addMenuItem(menus.node());
        lectureKeys.addToolbarToggle(toolbar.node(), "scenario-row");
        DataMenus.install(menus.node(), bridge, architecture, owner, vm::report);
        GradientCheckWindow.install(menus.node(), bridge, state, owner);
        WorkedExampleDialog.install(menus.node(), bridge, owner);
        setTop(new VBox(menus.node(), toolbar.node()));
        // a lesson opened meanwhile locks the toolbar's controls and the menu items too
        lessons.relock();
        Scene scene = getScene();
        // Step takes the focus (the first screen has nothing that takes it), as in a window made at once, unless the
        // person has begun meanwhile
        if (scene != null && !touched) {
            toolbar.step.requestFocus();
        }
        earlyKeys.release();
    }

    /**
     * The graph, the side tabs, the chart and the table, arranged as usual or for a lecture ({@link LectureLayout}):
     * the graph now, the others in places of their final size, each made by a {@link #later} part.
     */
    private Node panes(SessionBridge bridge, UiState state) {
        NetworkView graph = new NetworkView(bridge, state);
        WeightPictures weights = new WeightPictures(bridge, state);
        javafx.beans.property.IntegerProperty pictures = new javafx.beans.property.SimpleIntegerProperty();
        weights.versionProperty().addListener((o, a, b) -> pictures.set(pictures.get() + 1));
        // the neuron maps are computed from the side tabs' frame on: arriving before the first frame, they had the
        // graph drawn twice on the way to it
        List<NeuronThumbnails> thumbnails = new java.util.ArrayList<>(1);
        graph.showNeuronImages(n -> weights.image(n) != null ? weights.image(n)
                : thumbnails.isEmpty() ? null : thumbnails.get(0).image(n), pictures);
        files.exportsFrom(graph, null);
        StackPane sidePlace = new StackPane();
        StackPane chartPlace = new StackPane();
        StackPane dataPlace = new StackPane();
        lectureLayout = new LectureLayout(lecture, graph, sidePlace, chartPlace, dataPlace);
        lectureKeys = new LectureKeys(lecture, graph);
        List<TabPane> side = new java.util.ArrayList<>(1);
        later.add(() -> {
            side.add(sideTabs(bridge, state, sidePlace));
            NeuronThumbnails maps = new NeuronThumbnails(bridge, state);
            maps.resultProperty().addListener((o, a, b) -> pictures.set(pictures.get() + 1));
            thumbnails.add(maps);
        });
        later.add(() -> {
            LossChartView chart = new LossChartView(bridge, state);
            // a variant started from the chart brings the runs table into view
            chart.addToHeader(org.backproplab.ui.runs.CompareButton.create(bridge, () -> side.get(0).getTabs().stream()
                    .filter(t -> "runsTab".equals(t.getId())).findFirst()
                    .ifPresent(t -> side.get(0).getSelectionModel().select(t))));
            files.exportsFrom(graph, chart);
            chartPlace.getChildren().setAll(HistoryScrubber.below(ScoresView.beside(chart, bridge, state), bridge, state));
            // in the same frame as the chart below the graph: made one frame apart, the row they share grew when the
            // second came (its least height), and the chart's history bar moved up
            dataPlace.getChildren().setAll(SplitControl.below(new DataTableView(bridge, state), bridge, state));
        });
        return lectureLayout;
    }

    /** @return the side tabs with the inspector first, put into {@code place} and handed to the lecture layout */
    private TabPane sideTabs(SessionBridge bridge, UiState state, StackPane place) {
        InspectorView inspector = new InspectorView(bridge, state);
        TabPane side = SideTabs.of(inspector, bridge, state);
        // an exercise or a question takes the derivation's place (the derivation would give the numbers away)
        inspector.showInstead(exercises.panel(), exercises.openProperty());
        exercises.openProperty().addListener((o, was, is) -> {
            if (is) {
                side.getSelectionModel().select(0);
            }
        });
        place.getChildren().setAll(side);
        lectureLayout.complete(inspector, side);
        return side;
    }

    /** The switch for the small heatmap inside each hidden and output neuron (remembered with the presenter choices). */
    private static Node neuronMapsToggle(UiState state) {
        javafx.scene.control.CheckBox maps = new javafx.scene.control.CheckBox("Neuron maps");
        maps.setId("neuronThumbnailsToggle");
        maps.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        maps.selectedProperty().bindBidirectional(state.neuronThumbnailsProperty());
        maps.setTooltip(ShellToolbar.tip("Neuron maps: inside each hidden and output neuron, its own activation over the "
                + "input plane (for two inputs), so you can see what each neuron detects. Updates live while training"));
        return maps;
    }

    /** @return the status bar (its drawer bar and Cancel are put in later: see the constructor) */
    private HBox statusBar() {
        Label message = new Label();
        message.setId("statusMessage");
        message.getStyleClass().add("status-message");
        Runnable update = () -> {
            String err = vm.learningRateErrorProperty().get().isEmpty() ? runTo.errorProperty().get()
                    : vm.learningRateErrorProperty().get();
            message.setText(err.isEmpty() ? vm.statusTextProperty().get() : err);
            message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), !err.isEmpty());
        };
        vm.learningRateErrorProperty().addListener((o, a, b) -> update.run());
        runTo.errorProperty().addListener((o, a, b) -> update.run());
        vm.statusTextProperty().addListener((o, a, b) -> update.run());
        vm.failureProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                javafx.application.Platform.runLater(() -> HelpDialogs.failure(getScene() == null ? null : getScene().getWindow(), b).show());
            }
        });
        update.run();
        message.setMinWidth(0);
        Label next = new Label();
        next.setId("nextPhaseLabel");
        next.getStyleClass().add("status-next");
        next.textProperty().bind(vm.nextPhaseTextProperty());
        next.setMinWidth(Label.USE_PREF_SIZE);
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        statusToggles.setMinWidth(HBox.USE_PREF_SIZE);
        HBox bar = new HBox(12, message, spring, statusToggles, next);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /**
     * @return a stand-in for Check my working and Predict, as high as they are at every zoom and in every theme: a
     *         label styled as a toggle button, taking no width and not drawn (it costs the first frame none of a
     *         button's making, styling and drawing)
     */
    private static Node asHighAsToggles() {
        Label standIn = new Label("Predict");
        standIn.getStyleClass().setAll("toggle-button");
        standIn.setVisible(false);
        standIn.setMinWidth(0);
        standIn.setPrefWidth(0);
        standIn.setMaxWidth(0);
        return standIn;
    }

    /** @return Cancel, shown while a file is being opened */
    private Node cancelOpen() {
        javafx.scene.control.Button cancelOpen = new javafx.scene.control.Button("Cancel");
        cancelOpen.setId("cancelOpenButton");
        cancelOpen.setOnAction(e -> files.cancelOpen());
        cancelOpen.visibleProperty().bind(files.openingProperty());
        cancelOpen.managedProperty().bind(files.openingProperty());
        cancelOpen.setMinWidth(Label.USE_PREF_SIZE);
        return cancelOpen;
    }

    /** Puts the window's keyboard shortcuts and its theme's stylesheets (through presenter mode) on {@code scene}. */
    public void install(Scene scene) {
        autoPlay.install(scene); // any key pauses auto-play, and does nothing else: before the other keys
        earlyKeys.install(scene);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> touched = true);
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> touched = true);
        shortcutsOverlay.install(scene);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && files.openingProperty().get()) {
                files.cancelOpen();
                e.consume();
            }
        });
        FieldEscape.install(scene, this);
        Shortcuts.install(scene, vm, java.util.Map.of(javafx.scene.input.KeyCode.X, exercises::toggleExercise,
                javafx.scene.input.KeyCode.P, exercises::togglePrediction));
        lessons.install(scene);
        presenter.install(scene);
        lectureKeys.install(scene);
        lectureLayout.install(scene);
    }

    /** @return the File menu's commands (open, save, export) and the title they keep */
    public FileCommands files() {
        return files;
    }

    /** @return auto-play of the phases (for tests) */
    AutoPlay autoPlay() {
        return autoPlay;
    }

    /** @return lecture mode's state and commands */
    public Lecture lecture() {
        return lecture;
    }

    /** @return Check my working and Predict, then reveal */
    public ExerciseMode exercises() {
        return exercises;
    }

    /** @return the lesson player, its panel and menus */
    public org.backproplab.ui.lesson.LessonMode lessons() {
        return lessons;
    }

    /** @return the architecture editor's panel (Network → Edit architecture…) */
    public ArchitecturePanel architecture() {
        return architecture;
    }

    /** @return the window's view model */
    public MainViewModel viewModel() {
        return vm;
    }
}
