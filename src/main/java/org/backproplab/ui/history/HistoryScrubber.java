package org.backproplab.ui.history;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import org.backproplab.session.RunInfo;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.ui.LayoutFence;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;

/**
 * The history scrubber under the loss chart: a slider over every iteration of the history
 * ({@code #historySlider}), the position, the Runs list ({@code #runsList}), "Delete run", "Resume from here"
 * and "Jump to end". Dragging shows the iteration
 * exactly everywhere (graph, predictions, loss, inspector, the chart's cursor), because every view follows
 * the snapshot.
 */
public final class HistoryScrubber extends VBox {
    /** Below this width (at 100 % zoom) the Runs list and the buttons go on a second row. */
    static final double TWO_ROWS_BELOW = 1100;
    private final HistoryViewModel vm;
    private final Slider slider = new Slider(0, 1, 0);
    private boolean updating;

    public HistoryScrubber(SessionBridge bridge, UiState state) {
        this.vm = new HistoryViewModel(bridge);
        setId("historyScrubber");
        getStyleClass().add("history-scrubber");
        getStylesheets().add(HistoryScrubber.class.getResource("history.css").toExternalForm());
        Label title = new Label("History");
        title.getStyleClass().add("history-title");
        title.setMinWidth(Label.USE_PREF_SIZE);
        slider.setId("historySlider");
        slider.setFocusTraversable(false);
        slider.setMinWidth(80);
        // the slider's range and the position change every frame while training runs: fenced, they do not
        // lay out the whole window each time
        LayoutFence sliderBox = new LayoutFence(slider);
        HBox.setHgrow(sliderBox, Priority.ALWAYS);
        Tooltip.install(slider, new Tooltip("Drag to any earlier iteration: everything shows that iteration exactly."));
        slider.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                vm.goTo(Math.round(now.doubleValue()));
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.goTo(Math.round(slider.getValue()));
            }
        });

        Label position = new Label();
        position.setId("historyPosition");
        position.getStyleClass().add("history-position");
        position.textProperty().bind(vm.positionTextProperty());
        position.setMinWidth(Label.USE_PREF_SIZE);

        Button resume = new Button("Resume from here");
        resume.setId("resumeButton");
        resume.disableProperty().bind(vm.canResumeProperty().not());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.resumeTooltipProperty());
        resume.setTooltip(tip);
        resume.setOnAction(e -> vm.resume());
        resume.setMinWidth(Button.USE_PREF_SIZE);

        Button toEnd = new Button("Jump to end");
        toEnd.setId("jumpToEndButton");
        toEnd.disableProperty().bind(vm.atEndProperty());
        toEnd.setTooltip(new Tooltip("Show the last iteration trained."));
        toEnd.setOnAction(e -> vm.jumpToEnd());
        toEnd.setMinWidth(Button.USE_PREF_SIZE);

        ComboBox<RunInfo> runs = runsList(vm);
        HBox top = new HBox(title, sliderBox, new LayoutFence(position));
        HBox buttons = new HBox(runs, resume, toEnd);
        for (HBox row : new HBox[] {top, buttons}) {
            row.getStyleClass().add("history-row");
            row.setAlignment(Pos.CENTER_LEFT);
        }
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().add(top);
        Runnable arrange = () -> {
            // the buttons go to a second row when one row would squeeze the slider (at 100 % zoom below 640 px)
            boolean twoRows = getWidth() < TWO_ROWS_BELOW * state.zoomProperty().get();
            if (twoRows && !getChildren().contains(buttons)) {
                top.getChildren().removeAll(buttons);
                getChildren().add(buttons);
            } else if (!twoRows && !top.getChildren().contains(buttons)) {
                getChildren().remove(buttons);
                top.getChildren().add(buttons);
            }
        };
        widthProperty().addListener((o, was, now) -> arrange.run());
        state.zoomProperty().addListener((o, was, now) -> arrange.run());
        top.getChildren().add(buttons);
        vm.startProperty().addListener(o -> sync());
        vm.endProperty().addListener(o -> sync());
        vm.shownProperty().addListener(o -> sync());
        sync();
    }

    /**
     * The Runs list ({@code #runsList}): every run of the session, each naming where it forked, its iterations and
     * its loss; choosing one shows it where it was left.
     */
    private static ComboBox<RunInfo> runsList(HistoryViewModel vm) {
        ComboBox<RunInfo> box = new ComboBox<>(vm.runs());
        box.setId("runsList");
        box.setTooltip(new Tooltip("Runs: an edit or \"Resume from here\" at an earlier iteration starts a new run; "
                + "the old one is kept here. Choose one to show it; right-click to delete a run that is not on show."));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId("deleteRunMenu");
        box.setContextMenu(menu);
        Runnable deletable = () -> {
            menu.getItems().clear();
            for (RunInfo r : vm.runs()) {
                if (!r.current()) {
                    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Delete run " + r.number()
                            + " (" + r.text().substring(r.text().indexOf("—") + 2) + ")");
                    item.setOnAction(e -> vm.deleteRun(r.number()));
                    menu.getItems().add(item);
                }
            }
            if (menu.getItems().isEmpty()) {
                javafx.scene.control.MenuItem none = new javafx.scene.control.MenuItem("Only the run on show: nothing to delete");
                none.setDisable(true);
                menu.getItems().add(none);
            }
        };
        vm.runs().addListener((javafx.collections.ListChangeListener<RunInfo>) c -> deletable.run());
        deletable.run();
        box.setMaxWidth(460);
        box.setMinWidth(200);
        HBox.setHgrow(box, Priority.ALWAYS);
        javafx.util.Callback<javafx.scene.control.ListView<RunInfo>, javafx.scene.control.ListCell<RunInfo>> cells = lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RunInfo r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : (r.current() ? "▶ " : "") + r.text());
            }
        };
        box.setCellFactory(cells);
        // closed, the list shows the short form: at 1024 px the long one lost its loss to an ellipsis
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RunInfo r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.shortText());
            }
        });
        Runnable select = () -> vm.runs().stream().filter(RunInfo::current).findFirst().ifPresent(r -> {
            if (!r.equals(box.getValue())) {
                box.setValue(r);
            }
        });
        // after the list has settled (the combo box clears its value when its items are replaced)
        vm.runs().addListener((javafx.collections.ListChangeListener<RunInfo>) c -> javafx.application.Platform.runLater(select));
        select.run();
        box.setOnAction(e -> {
            RunInfo r = box.getValue();
            if (r != null && !r.current()) {
                vm.showRun(r.number());
            }
        });
        return box;
    }

    /** @return {@code chart} with the scrubber under it, the chart taking the height */
    public static Node below(Node chart, SessionBridge bridge, UiState state) {
        VBox box = new VBox(chart, new HistoryScrubber(bridge, state));
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setMinSize(0, 0);
        return box;
    }

    /** @return the view model (for tests) */
    public HistoryViewModel viewModel() {
        return vm;
    }

    private void sync() {
        updating = true;
        try {
            long lo = vm.startProperty().get();
            long hi = vm.endProperty().get();
            slider.setMin(lo);
            slider.setMax(Math.max(hi, lo));
            slider.setDisable(hi <= lo);
            if (!slider.isValueChanging()) {
                slider.setValue(vm.shownProperty().get());
            }
        } finally {
            updating = false;
        }
    }
}
