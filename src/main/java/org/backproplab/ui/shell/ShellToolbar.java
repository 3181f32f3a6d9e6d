package org.backproplab.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.backproplab.data.Presets;
import org.backproplab.ui.LayoutFence;

/**
 * The toolbar: Step, Phase, Back, Run/Pause, the speed slider, Reset, New seed, η, the preset choice with
 * its description, and the iteration and loss read-outs. Every control says in its tooltip what it does and
 * its shortcut; every one only forwards to {@link MainViewModel}.
 */
final class ShellToolbar {
    private final MainViewModel vm;
    private final VBox bar = new VBox();
    final Button step = button("stepButton", "Step", "Step: run one whole iteration (forward, loss, backward, update)", "→");
    final Button phase = button("phaseButton", "Phase", "Phase: run the next phase of the iteration only", "Shift+→");
    final Button back = button("backButton", "Back", "Back: undo the last phase, iteration or edit exactly", "←");
    final Button run = button("runButton", "Run", "Run / Pause: train continuously at the chosen speed", "Space");
    final Button reset = button("resetButton", "Reset", "Reset: back to the initial weights of this seed; clears the chart", "R");
    final Button newSeed = button("newSeedButton", "New seed", "New seed: start again from other random initial weights", null);
    final Slider speed = new Slider(0, MainViewModel.SPEED_SLIDER_MAX, MainViewModel.sliderForSpeed(MainViewModel.DEFAULT_SPEED));
    final TextField learningRate = new TextField();
    final ComboBox<String> presets = new ComboBox<>();
    final Label iteration = new Label();
    final Label loss = new Label();
    /** The second row: the preset, Run to and Auto-play ({@link #addPace}), η. */
    private HBox scenario;

    ShellToolbar(MainViewModel vm) {
        this.vm = vm;
        bar.getStyleClass().add("main-toolbar");
        wireButtons();
        Node speedBox = speedBox();
        Node etaBox = learningRateBox();
        Node presetBox = presetBox();
        iteration.setId("iterationLabel");
        iteration.getStyleClass().add("readout");
        iteration.textProperty().bind(vm.iterationTextProperty());
        iteration.setTooltip(tip("Updates made so far, and how many passes over the data set they add up to"));
        loss.setId("lossLabel");
        loss.getStyleClass().addAll("readout", "loss-readout");
        loss.textProperty().bind(vm.lossTextProperty());
        loss.setTooltip(tip("Training loss over all samples with the weights shown"));
        iteration.setAlignment(Pos.CENTER_RIGHT);
        loss.setAlignment(Pos.CENTER_RIGHT);
        // both change every frame while training runs: fenced, they do not lay out the whole window each time
        VBox readouts = new VBox(0, new LayoutFence(iteration), new LayoutFence(loss));
        readouts.setAlignment(Pos.CENTER_RIGHT);
        // in a narrow window (1024 px, seven-digit iterations) the read-outs end in "…" before a button does;
        // the iteration count comes first, so it stays
        readouts.setMinWidth(8 * 14);
        HBox controls = row("toolbar-row", step, phase, back, separator(), run, speedBox, separator(), reset, newSeed,
                spacer(), readouts);
        scenario = row("scenario-row", presetBox, separator(), etaBox);
        bar.getChildren().addAll(controls, scenario);
    }

    private static HBox row(String styleClass, Node... nodes) {
        HBox row = new HBox(nodes);
        row.getStyleClass().add(styleClass);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Separator separator() {
        Separator s = new Separator(javafx.geometry.Orientation.VERTICAL);
        s.getStyleClass().add("toolbar-separator");
        return s;
    }

    VBox node() {
        return bar;
    }

    /** Puts the pace controls (Run to, Auto-play) and {@code more} on the second row, between the preset and η. */
    void addPace(Node pace, Node... more) {
        java.util.List<Node> add = new java.util.ArrayList<>(java.util.List.of(pace));
        add.addAll(java.util.List.of(more));
        add.add(separator());
        scenario.getChildren().addAll(scenario.getChildren().size() - 1, add);
    }

    private void wireButtons() {
        step.setOnAction(e -> vm.step());
        phase.setOnAction(e -> vm.stepPhase());
        back.setOnAction(e -> vm.back());
        run.setOnAction(e -> vm.toggleRun());
        reset.setOnAction(e -> vm.reset());
        newSeed.setOnAction(e -> vm.newSeed());
        run.getStyleClass().add("run-button");
        run.textProperty().bind(vm.runningProperty().map(r -> r ? "Pause" : "Run"));
        vm.runningProperty().addListener((o, was, now) -> run.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("running"), now));
        // stepping while running makes no sense: the session would refuse it
        step.disableProperty().bind(vm.runningProperty());
        phase.disableProperty().bind(vm.runningProperty());
        back.disableProperty().bind(vm.runningProperty());
    }

    private Node speedBox() {
        speed.setId("speedSlider");
        // one stop per named speed: 1, 2, 5, 10, 100, 1,000 it/s and max
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setBlockIncrement(1);
        speed.setPrefWidth(130);
        speed.setMinWidth(90);
        speed.setTooltip(tip("Speed of Run: 1, 2, 5, 10, 100 or 1,000 iterations per second (for explaining), or max "
                + "(as fast as the machine goes)"));
        Label value = new Label();
        value.getStyleClass().add("speed-value");
        value.textProperty().bind(vm.speedTextProperty());
        value.setMinWidth(70);
        speed.valueProperty().addListener((o, was, now) -> vm.setSpeedFromSlider(now.doubleValue()));
        Label left = new Label("1 it/s");
        Label right = new Label("max");
        left.getStyleClass().add("hint");
        right.getStyleClass().add("hint");
        HBox ends = new HBox(left, spacer(), right);
        VBox box = new VBox(0, speed, ends);
        box.setAlignment(Pos.CENTER);
        HBox row = new HBox(6, box, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node learningRateBox() {
        learningRate.setId("learningRateField");
        learningRate.setPrefColumnCount(4);
        learningRate.setTooltip(tip("Learning rate η: type a number ≥ 0 and press Enter; Esc restores the current value"));
        learningRate.setText(vm.learningRateTextProperty().get());
        vm.learningRateTextProperty().addListener((o, was, now) -> {
            if (!learningRate.isFocused() || vm.learningRateErrorProperty().get().isEmpty()) {
                learningRate.setText(now);
            }
        });
        learningRate.setOnAction(e -> vm.commitLearningRate(learningRate.getText()));
        learningRate.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                restoreLearningRate();
                e.consume();
            }
        });
        learningRate.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                restoreLearningRate();
            }
        });
        vm.learningRateErrorProperty().addListener((o, was, now) -> learningRate.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("invalid"), !now.isEmpty()));
        Label eta = new Label("Learning rate η");
        eta.getStyleClass().add("field-label");
        eta.setLabelFor(learningRate);
        eta.setMinWidth(Region.USE_PREF_SIZE);
        learningRate.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, eta, learningRate);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void restoreLearningRate() {
        vm.cancelLearningRate();
        learningRate.setText(vm.learningRateTextProperty().get());
    }

    private Node presetBox() {
        presets.setId("presetChoice");
        for (Presets.Entry s : vm.presets()) {
            presets.getItems().add(s.name());
        }
        presets.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : name + " — " + description(name));
            }
        });
        presets.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : name);
            }
        });
        presets.setTooltip(tip("Preset: load a ready-made network and data set (starts over)"));
        presets.setValue(vm.scenarioNameProperty().get());
        vm.scenarioNameProperty().addListener((o, was, now) -> presets.setValue(now));
        presets.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(vm.scenarioNameProperty().get())) {
                vm.loadPreset(now);
            }
        });
        Label description = new Label();
        description.getStyleClass().add("preset-description");
        description.textProperty().bind(vm.scenarioDescriptionProperty());
        description.setMinWidth(0);
        // squeezed to a few letters and "…" it says nothing: then it gives its room away (the tooltip keeps it)
        description.widthProperty().addListener((o, was, now) -> description.setOpacity(now.doubleValue() < 90 ? 0 : 1));
        HBox.setHgrow(description, Priority.ALWAYS);
        description.setTooltip(new Tooltip());
        description.getTooltip().textProperty().bind(vm.scenarioDescriptionProperty());
        Label title = new Label("Preset");
        title.getStyleClass().add("field-label");
        title.setLabelFor(presets);
        title.setMinWidth(Region.USE_PREF_SIZE);
        presets.setPrefWidth(130);
        presets.setMinWidth(Region.USE_PREF_SIZE);
        presets.setMaxWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, title, presets, description);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private String description(String name) {
        for (Presets.Entry s : vm.presets()) {
            if (s.name().equals(name)) {
                return s.description();
            }
        }
        return "";
    }

    private static Button button(String id, String text, String what, String key) {
        Button b = new Button(text);
        b.setId(id);
        // a button never shortens to "Ph…": in a narrow window the read-outs give up room first
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(tip(key == null ? what : what + "  [" + key + "]"));
        return b;
    }

    static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private static Pane spacer() {
        Pane p = new Pane();
        HBox.setHgrow(p, Priority.ALWAYS);
        return p;
    }
}
