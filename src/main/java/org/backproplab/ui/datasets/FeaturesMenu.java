package org.backproplab.ui.datasets;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.backproplab.data.InputFeature;

/**
 * Data → Input features ({@code #featuresMenu}): one check item per derived input ({@code #feature-x1sq} …), checked
 * while the data set has it, disabled for a data set without two inputs; a line above them says which.
 */
final class FeaturesMenu {
    private FeaturesMenu() {
    }

    static Menu create(FeaturesViewModel vm) {
        Menu menu = new Menu("Input features");
        menu.setId("featuresMenu");
        MenuItem note = new MenuItem();
        note.setId("featuresNote");
        note.textProperty().bind(vm.noteProperty());
        note.setDisable(true);
        menu.getItems().add(note);
        for (InputFeature f : InputFeature.values()) {
            CheckMenuItem item = new CheckMenuItem();
            item.setId("feature-" + f.id());
            item.textProperty().bind(vm.nameProperty(f));
            item.disableProperty().bind(vm.availableProperty().not());
            item.setSelected(vm.onProperty(f).get());
            vm.onProperty(f).addListener((o, was, is) -> item.setSelected(is));
            item.setOnAction(e -> {
                vm.set(f, item.isSelected());
                // the tick shows the session's inputs: it follows when the session has changed them, and a refused
                // change (a lesson that locks the architecture) leaves it as it was
                item.setSelected(vm.onProperty(f).get());
            });
            menu.getItems().add(item);
        }
        return menu;
    }
}
