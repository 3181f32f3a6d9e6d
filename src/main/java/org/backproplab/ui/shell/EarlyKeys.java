package org.backproplab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

/**
 * The keys of the menu items (Ctrl+O, Ctrl+E, F1, F5…) pressed in the window's first frames, before its menu bar is
 * made: kept, and passed on in order once it is in ({@link #release}), so that none is lost. A key is kept if no
 * other key handler of the window took it and it could be a menu item's: with Ctrl, Alt, Meta or the shortcut key,
 * or a function key. FX thread only.
 */
final class EarlyKeys {
    private final List<KeyEvent> kept = new ArrayList<>();
    private Scene scene;
    private EventHandler<KeyEvent> keep;
    private boolean released;

    /** Keeps the keys pressed in {@code scene} until {@link #release} (nothing if it was already called). */
    void install(Scene scene) {
        if (released) {
            return;
        }
        this.scene = scene;
        keep = e -> {
            if (!e.isConsumed() && menuKey(e)) {
                kept.add(e);
                e.consume();
            }
        };
        scene.addEventHandler(KeyEvent.KEY_PRESSED, keep);
    }

    /** @return true if {@code e} could be a menu item's accelerator */
    static boolean menuKey(KeyEvent e) {
        return e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown() || e.getCode().isFunctionKey();
    }

    /** Stops keeping keys and passes on those kept, in order, to the node that has the focus now (call once the menus are in). */
    void release() {
        released = true;
        if (scene == null) {
            return;
        }
        scene.removeEventHandler(KeyEvent.KEY_PRESSED, keep);
        // the menu bar puts its items' keys on the scene when it is styled
        scene.getRoot().applyCss();
        for (KeyEvent e : kept) {
            Node focus = scene.getFocusOwner();
            EventTarget target = focus != null ? focus : scene;
            Event.fireEvent(target, e.copyFor(target, target));
        }
        kept.clear();
        scene = null;
        keep = null;
    }
}
