package org.backproplab.ui.lesson;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * The lesson player beside the graph: the lesson's title, the progress ({@code #lessonProgress}), the step's text
 * ({@code #lessonText}, scrolling if long), its task and how far it is ({@code #lessonTask}), and Previous
 * ({@code #lessonPrevious}), Next ({@code #lessonNext}) and Close ({@code #lessonClose}). Every part has an
 * accessible text; Next says why it waits.
 */
final class LessonPanel extends VBox {
    /** The share of the window's width the panel takes (in lecture mode, with larger text, a little more), and its bounds, px. */
    static final double WIDTH_SHARE = 0.25;
    static final double LECTURE_WIDTH_SHARE = 0.28;
    static final double MIN_WIDTH = 250;
    static final double MAX_WIDTH = 560;

    LessonPanel(LessonPlayer player) {
        setId("lessonPanel");
        getStyleClass().add("lesson-panel");
        getStylesheets().add(LessonPanel.class.getResource("lesson.css").toExternalForm());
        Label title = new Label();
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        title.textProperty().bind(player.titleProperty());
        Label progress = new Label();
        progress.setId("lessonProgress");
        progress.getStyleClass().add("lesson-progress");
        progress.setWrapText(true);
        progress.textProperty().bind(player.progressProperty());

        TextFlow text = new TextFlow();
        text.setId("lessonText");
        text.getStyleClass().add("lesson-text");
        text.setAccessibleRole(AccessibleRole.TEXT);
        text.setFocusTraversable(true);
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Runnable show = () -> {
            text.getChildren().setAll(LessonText.runs(player.textProperty().get()));
            text.setAccessibleText(LessonText.plain(player.textProperty().get()));
            scroll.setVvalue(0);
        };
        player.textProperty().addListener((o, was, is) -> show.run());
        show.run();

        Label task = new Label();
        task.setId("lessonTask");
        task.getStyleClass().add("lesson-task");
        task.setWrapText(true);
        task.setMinHeight(Label.USE_PREF_SIZE);
        task.textProperty().bind(player.taskProperty());
        task.visibleProperty().bind(player.taskProperty().isNotEmpty());
        task.managedProperty().bind(task.visibleProperty());

        Button previous = new Button("◀ Previous");
        previous.setId("lessonPrevious");
        previous.setAccessibleText("Previous step of the lesson");
        previous.disableProperty().bind(player.canPreviousProperty().not());
        previous.setOnAction(e -> player.previous());
        Button next = new Button("Next ▶");
        next.setId("lessonNext");
        next.setDefaultButton(false);
        next.setAccessibleText("Next step of the lesson");
        next.disableProperty().bind(player.canNextProperty().not());
        next.setOnAction(e -> player.next());
        next.setTooltip(new Tooltip("Next step (Page Down); it opens once the step's task is done"));
        previous.setTooltip(new Tooltip("Previous step (Page Up)"));
        Button close = new Button("✕");
        close.setId("lessonClose");
        close.getStyleClass().add("lesson-close");
        close.setAccessibleText("Close the lesson and unlock the controls");
        close.setTooltip(new Tooltip("Close the lesson: the controls it locked are unlocked, the network stays"));
        close.setOnAction(e -> player.close());
        for (Button b : new Button[] {previous, next, close}) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        // Close beside the title, so that Previous and Next keep the bottom row even at lecture size on 1024 px
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(6, title, close);
        top.setAlignment(Pos.TOP_LEFT);
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(6, previous, spring, next);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(top, progress, scroll, task, buttons);
        visibleProperty().bind(player.openProperty());
        managedProperty().bind(player.openProperty());
    }
}
