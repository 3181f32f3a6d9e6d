package org.backproplab.ui.lesson;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.backproplab.session.Lock;

/**
 * Disables the window's controls of the groups a lesson locks (the session refuses their commands anyway, whatever
 * sends them: this is so that nobody is offered what will be refused), and gives them back when the lesson ends.
 * Controls are found by their ids; a control whose disabled state is bound to something else is left to it.
 */
final class LockedControls {
    /** The ids of each group's controls; an id ending in {@code *} is a prefix. */
    static final Map<Lock, List<String>> IDS = new EnumMap<>(Map.of(
            Lock.RUN, List.of("runButton", "runToField", "runToButton"),
            Lock.RESET, List.of("resetButton", "newSeedButton", "resetItem", "newSeedItem"),
            Lock.TRAINING, List.of("learningRateField", "archLearningRateField", "lossChoice", "batchChoice",
                    "batchSizeField", "shuffleCheck", "initChoice", "optimizerChoice", "momentumField", "rhoField",
                    "beta1Field", "beta2Field", "epsilonField", "regularizationChoice", "lambdaField"),
            Lock.ARCHITECTURE, List.of("editArchitectureItem", "addLayerButton", "fewerNeurons*", "moreNeurons*",
                    "removeLayer*", "hiddenActivation*", "outputActivation", "featuresMenu", "feature-*"),
            Lock.DATA, List.of("dataMenu", "addRowButton", "removeRowButton", "testPercentSpinner",
                    "architectureDataset"),
            Lock.WEIGHTS, List.of("edgeEditorField"),
            Lock.LOAD, List.of("presetChoice", "openItem", "openRecentMenu", "preset-*", "dataMenu")));

    private final List<Node> nodes = new ArrayList<>();
    private final List<MenuItem> items = new ArrayList<>();

    /** Disables the controls of {@code locks} in {@code scene} and its menu bar {@code bar}; enables the others. */
    void apply(Scene scene, MenuBar bar, Set<Lock> locks) {
        nodes.forEach(n -> n.setDisable(false));
        items.forEach(i -> i.setDisable(false));
        nodes.clear();
        items.clear();
        if (scene == null || locks.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        locks.forEach(l -> ids.addAll(IDS.getOrDefault(l, List.of())));
        collect(scene.getRoot(), ids);
        for (Menu m : bar.getMenus()) {
            collect(m, ids);
        }
    }

    private static boolean matches(String id, List<String> ids) {
        if (id == null) {
            return false;
        }
        for (String want : ids) {
            if (want.endsWith("*") ? id.startsWith(want.substring(0, want.length() - 1)) : id.equals(want)) {
                return true;
            }
        }
        return false;
    }

    private void collect(Node n, List<String> ids) {
        if (matches(n.getId(), ids) && !n.disableProperty().isBound() && !n.isDisable()) {
            n.setDisable(true);
            nodes.add(n);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, ids);
            }
        }
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            // a scroll pane not yet styled has no skin: its content is not among its children yet (once it is, the
            // content is met twice, and disabled once)
            collect(sp.getContent(), ids);
        }
    }

    private void collect(MenuItem i, List<String> ids) {
        if (matches(i.getId(), ids) && !i.disableProperty().isBound() && !i.isDisable()) {
            i.setDisable(true);
            items.add(i);
        }
        if (i instanceof Menu m) {
            for (MenuItem c : m.getItems()) {
                collect(c, ids);
            }
        }
    }
}
