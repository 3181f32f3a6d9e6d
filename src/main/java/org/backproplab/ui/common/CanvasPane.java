package org.backproplab.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A pane holding one canvas that fills it: when its size changes the canvas takes it and {@code redraw} runs. */
public final class CanvasPane extends Pane {
    private final Canvas canvas = new Canvas();
    private final Runnable redraw;

    public CanvasPane(Runnable redraw) {
        this.redraw = redraw;
        getChildren().add(canvas);
        setMinSize(0, 0);
    }

    /** @return the canvas */
    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw.run();
        }
    }
}
