package org.backproplab.ui;

import javafx.scene.Node;

/** Whether a node can be seen: in a scene, and it and every container above it visible (a tab not chosen is not). */
public final class OnScreen {
    private OnScreen() {
    }

    /** @return true if {@code node} is in a scene and neither it nor any of its ancestors is hidden */
    public static boolean showing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
