package org.backproplab.ui.shell;

import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.files.FileCommands;

/**
 * The menu bar: File (Open, Open Recent, Save, Save As, Export, Quit), View (which numbers the graph shows, which sample), Network (presets, Reset,
 * New seed), Help (keyboard shortcuts, About). Every item does something.
 */
final class ShellMenus {
    private final MainViewModel vm;
    private final UiState state;
    private final SessionBridge bridge;
    private final MenuBar bar = new MenuBar();
    private final Menu sampleMenu = new Menu("Show sample");
    private final ToggleGroup sampleGroup = new ToggleGroup();
    private List<String> shownLabels = List.of();

    ShellMenus(MainViewModel vm, UiState state, SessionBridge bridge, java.util.function.Supplier<Window> owner,
               FileCommands files) {
        this.vm = vm;
        this.state = state;
        this.bridge = bridge;
        bar.getMenus().addAll(file(files), view(), network(), help(owner));
    }

    MenuBar node() {
        return bar;
    }

    private Menu file(FileCommands files) {
        MenuItem quit = new MenuItem("Quit");
        quit.setId("quitItem");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> files.requestQuit());
        Menu menu = new Menu("File");
        menu.getItems().addAll(files.menuItems());
        menu.getItems().addAll(new SeparatorMenuItem(), quit);
        return menu;
    }

    private Menu view() {
        Menu numbers = new Menu("Numbers on the graph");
        ToggleGroup g = new ToggleGroup();
        for (UiState.Numbers n : UiState.Numbers.values()) {
            RadioMenuItem item = new RadioMenuItem(n.toString());
            item.setToggleGroup(g);
            item.setUserData(n);
            item.setSelected(state.numbersProperty().get() == n);
            item.setOnAction(e -> state.numbersProperty().set(n));
            numbers.getItems().add(item);
        }
        state.numbersProperty().addListener((o, was, now) -> g.getToggles().forEach(
                t -> t.setSelected(t.getUserData() == now)));
        bridge.snapshotProperty().addListener((o, was, now) -> updateSamples(now));
        state.selectedSampleProperty().addListener((o, was, now) -> selectSample(now.intValue()));
        updateSamples(bridge.snapshot());
        return new Menu("View", null, numbers, sampleMenu);
    }

    /** Rebuilds the sample items when the data set's labels change (a preset, added or removed rows). */
    private void updateSamples(Snapshot s) {
        List<String> labels = s.scenario().dataset().labels();
        if (labels.equals(shownLabels)) {
            return;
        }
        shownLabels = labels;
        sampleMenu.getItems().clear();
        sampleMenu.getItems().add(sampleItem(-1, "All samples (average)"));
        sampleMenu.getItems().add(new SeparatorMenuItem());
        for (int i = 0; i < labels.size(); i++) {
            sampleMenu.getItems().add(sampleItem(i, (i + 1) + ": " + labels.get(i)));
        }
        selectSample(state.selectedSampleProperty().get());
    }

    private RadioMenuItem sampleItem(int index, String text) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setToggleGroup(sampleGroup);
        item.setUserData(index);
        item.setOnAction(e -> state.selectedSampleProperty().set(index));
        return item;
    }

    private void selectSample(int index) {
        sampleGroup.getToggles().forEach(t -> t.setSelected(Integer.valueOf(index).equals(t.getUserData())));
    }

    private Menu network() {
        Menu menu = new Menu("Network");
        ToggleGroup g = new ToggleGroup();
        for (Presets.Entry s : vm.presets()) {
            RadioMenuItem item = new RadioMenuItem(s.name() + " — " + s.description());
            item.setToggleGroup(g);
            item.setUserData(s.name());
            item.setId("preset-" + s.name());
            item.setSelected(s.name().equals(vm.scenarioNameProperty().get()));
            item.setOnAction(e -> vm.loadPreset(s.name()));
            menu.getItems().add(item);
        }
        ChangeListener<String> follow = (o, was, now) -> g.getToggles().forEach(t -> t.setSelected(now.equals(t.getUserData())));
        vm.scenarioNameProperty().addListener(follow);
        MenuItem reset = new MenuItem("Reset");
        reset.setId("resetItem");
        reset.setOnAction(e -> vm.reset());
        MenuItem newSeed = new MenuItem("New seed");
        newSeed.setId("newSeedItem");
        newSeed.setOnAction(e -> vm.newSeed());
        menu.getItems().addAll(new SeparatorMenuItem(), reset, newSeed);
        return menu;
    }

    private Menu help(java.util.function.Supplier<Window> owner) {
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> HelpDialogs.shortcuts(owner.get()).show());
        MenuItem about = new MenuItem("About Backprop Lab");
        about.setId("aboutItem");
        about.setOnAction(e -> AboutDialog.create(owner.get()).show());
        return new Menu("Help", null, keys, about);
    }
}
