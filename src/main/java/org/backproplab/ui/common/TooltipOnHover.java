package org.backproplab.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip made when the mouse first enters it, not with the control: each {@link Tooltip} is a popup
 * window with a scene of its own, a few milliseconds to make, and the controls of the window's first frame should not
 * wait for tooltips nobody has asked for yet. Once made it is the control's tooltip as usual (it shows as the mouse
 * moves over the control).
 */
public final class TooltipOnHover {
    private TooltipOnHover() {
    }

    /**
     * Gives {@code control} the tooltip {@code tip} makes, when the mouse first enters it. The control needs an
     * accessible help text of its own: until then it has no tooltip to lend it one.
     */
    public static void install(Control control, Supplier<Tooltip> tip) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(tip.get());
                }
            }
        };
        control.addEventFilter(MouseEvent.MOUSE_ENTERED, first);
    }
}
