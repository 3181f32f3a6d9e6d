package org.backproplab.ui.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.backproplab.io.LessonFile;
import org.backproplab.io.ShippedLessons;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Styles;
import org.backproplab.ui.UiState;
import org.backproplab.ui.exercise.ExerciseMode;

/**
 * Lessons in the window: the player ({@link LessonPlayer}) and its panel beside the graph, File → Open lesson…
 * ({@code #openLessonItem}), the Lessons menu ({@code #lessonsMenu}, one item {@code #lesson-<file name>} per
 * lesson that comes with the app), Page Down / Page Up for Next / Previous (a presenter's remote sends them), the
 * locked controls disabled, and lecture mode's text size.
 */
public final class LessonMode {
    private final LessonPlayer player;
    /** Made when first asked for ({@link #panel()}): the window's first frame does without it. */
    private LessonPanel panel;
    /** Sizes the panel's text for lecture mode or not ({@link org.backproplab.ui.Styles#followLectureText}). */
    private final Runnable sizeText;
    private final UiState state;
    private final Supplier<Window> owner;
    private final Consumer<String> report;
    private final LockedControls locks = new LockedControls();
    private MenuBar bar;

    /**
     * @param report where problems opening a lesson are said (the status bar)
     */
    public LessonMode(SessionBridge bridge, UiState state, ExerciseMode exercises, Supplier<Window> owner,
                      Consumer<String> report) {
        this.state = state;
        this.owner = owner;
        this.report = report;
        this.player = new LessonPlayer(bridge, state, exercises.exercise(), exercises.prediction(), exercises.results());
        player.onReport(report);
        // in lecture mode the step is read from the back of the room, as the derivation beside it
        sizeText = Styles.followLectureText(state, () -> panel);
        player.lockedProperty().addListener((o, was, is) -> applyLocks());
        // controls made anew for another network (the architecture panel's rows) are locked too
        bridge.snapshotProperty().addListener((o, was, is) -> {
            if (is != null && was != null && !player.lockedProperty().get().isEmpty()
                    && !is.scenario().layers().equals(was.scenario().layers())) {
                javafx.application.Platform.runLater(this::applyLocks);
            }
        });
    }


    /** Makes the panel: as wide as a share of the window once in one, with the lesson open now. */
    private LessonPanel makePanel() {
        LessonPanel made = new LessonPanel(player);
        made.sceneProperty().addListener((o, was, is) -> {
            if (is != null) {
                made.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(LessonPanel.MIN_WIDTH,
                        Math.min(LessonPanel.MAX_WIDTH, is.getWidth() * (state.lectureProperty().get()
                                ? LessonPanel.LECTURE_WIDTH_SHARE : LessonPanel.WIDTH_SHARE))),
                        is.widthProperty(), state.lectureProperty()));
                made.setMinWidth(Region.USE_PREF_SIZE);
                // a lesson opened before the panel joined the window (it is put in after the window's other
                // parts, which are made after its first frame) locks the controls that are there now
                applyLocks();
            }
        });
        return made;
    }

    // Properties

    /** @return the player */
    public LessonPlayer player() {
        return player;
    }

    /**
     * @return the panel to put beside the graph (it takes no room while no lesson is open), made at the first call
     *         (showing the lesson open then, if any)
     */
    public Node panel() {
        if (panel == null) {
            panel = makePanel();
            sizeText.run();
        }
        return panel;
    }

    /** @return true once the panel is made ({@link #panel()}) */
    public boolean panelMade() {
        return panel != null;
    }

    // Commands

    /** Adds File → Open lesson… after File → Open… and the Lessons menu before Help (or at the end). */
    public void installMenu(MenuBar menuBar) {
        this.bar = menuBar;
        MenuItem open = new MenuItem("Open lesson…");
        open.setId("openLessonItem");
        open.setOnAction(e -> choose());
        Menu file = menuBar.getMenus().get(0);
        int at = 1;
        for (int i = 0; i < file.getItems().size(); i++) {
            if ("openItem".equals(file.getItems().get(i).getId())) {
                at = i + 1;
            }
        }
        file.getItems().add(at, open);
        Menu lessons = new Menu("Lessons");
        lessons.setId("lessonsMenu");
        for (String name : ShippedLessons.NAMES) {
            MenuItem item = new MenuItem(titleOf(name));
            item.setId("lesson-" + name);
            item.setOnAction(e -> openShipped(name));
            lessons.getItems().add(item);
        }
        MenuItem close = new MenuItem("Close lesson");
        close.setId("closeLessonItem");
        close.disableProperty().bind(player.openProperty().not());
        close.setOnAction(e -> player.close());
        lessons.getItems().addAll(new SeparatorMenuItem(), open(), new SeparatorMenuItem(), close);
        int help = menuBar.getMenus().size();
        for (int i = 0; i < menuBar.getMenus().size(); i++) {
            if ("Help".equals(menuBar.getMenus().get(i).getText())) {
                help = i;
            }
        }
        menuBar.getMenus().add(help, lessons);
    }

    private MenuItem open() {
        MenuItem open = new MenuItem("Open a lesson file…");
        open.setOnAction(e -> choose());
        return open;
    }

    /** Page Down / Page Up: the next / previous step while a lesson is open and no text field has the keys. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!player.openProperty().get() || e.isConsumed()
                    || scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
                return;
            }
            if (e.getCode() == KeyCode.PAGE_DOWN && !e.isShiftDown()) {
                player.next();
                e.consume();
            } else if (e.getCode() == KeyCode.PAGE_UP && !e.isShiftDown()) {
                player.previous();
                e.consume();
            }
        });
    }

    /** Opens the lesson {@code name} that comes with the app. */
    public void openShipped(String name) {
        try {
            player.open(ShippedLessons.read(name), name);
        } catch (IOException e) {
            report.accept("Could not open the lesson: " + e.getMessage());
        }
    }

    /** Opens the lesson file {@code path}; a malformed one is refused with the field named, and nothing changes. */
    public void open(Path path) {
        try {
            player.open(LessonFile.read(path), path.getFileName().toString().replaceFirst("\\.json$", ""));
            report.accept("Opened the lesson " + path.getFileName() + ".");
        } catch (IOException e) {
            report.accept("Could not open the lesson: " + e.getMessage());
        }
    }

    private void choose() {
        FileChooser c = new FileChooser();
        c.setTitle("Open lesson");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Lessons (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        java.io.File f = c.showOpenDialog(owner.get());
        if (f != null) {
            open(f.toPath());
        }
    }

    /**
     * Disables again the locked controls, for a part of the window made after the lesson was opened (the architecture
     * editor is made when it is first opened).
     */
    public void relock() {
        applyLocks();
    }

    private void applyLocks() {
        if (bar != null) {
            // the menu bar's: the panel joins the window only after the window's first frame
            locks.apply(panel != null && panel.getScene() != null ? panel.getScene() : bar.getScene(), bar, player.lockedProperty().get());
        }
    }

    private static String titleOf(String name) {
        return ShippedLessons.title(name);
    }
}
