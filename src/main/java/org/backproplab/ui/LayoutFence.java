package org.backproplab.ui;

import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * A box around a control whose content changes every frame while training runs: the iteration counter, the
 * loss, the history slider's range. When a control asks for layout, JavaFX normally lays out every container
 * up to the window's root again; inside this box the control is unmanaged, a layout root of its own, so a new
 * number lays out only the control itself. The box is as wide as the widest text shown so far: it grows (one
 * layout of the window) when a text no longer fits, and never shrinks, so the toolbar does not jitter as digits
 * come and go. A new font (zoom, theme) measures again from scratch.
 */
public final class LayoutFence extends Region {
    private final Region content;
    private double widest;

    /** @param content the control to fence in; it fills the box */
    public LayoutFence(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        if (content instanceof Labeled labeled) {
            // after the skin's own listeners, so the control measures its new text
            labeled.skinProperty().addListener((o, was, skin) -> {
                if (was == null && skin != null) {
                    labeled.textProperty().addListener((p, a, b) -> refit());
                    labeled.fontProperty().addListener((p, a, b) -> {
                        widest = 0;
                        // a new font arrives with CSS, which may run inside a layout pass: a layout asked for
                        // then would not reach the containers above, so ask once the pass is over
                        javafx.application.Platform.runLater(this::requestLayout);
                    });
                }
            });
        }
    }

    /**
     * Grows the box (a layout of the window) if the control now wants more width than the box has; else lays out
     * the control at once in the room it has, so its new text shows whatever state the layout flags of the
     * containers around it are in.
     */
    public void refit() {
        if (content.prefWidth(-1) > widest + 0.5) {
            requestLayout();
        } else {
            content.layout();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        widest = Math.max(widest, content.prefWidth(height));
        return widest;
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}
