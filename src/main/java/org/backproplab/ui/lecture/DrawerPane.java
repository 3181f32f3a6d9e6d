package org.backproplab.ui.lecture;

import java.util.EnumMap;
import java.util.Map;
import javafx.animation.TranslateTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The layer of drawers above the graph and the derivation in lecture mode. Each drawer slides in over them
 * from its edge (the chart from the bottom left, the data from the bottom right, the weights and the decision
 * boundary from the right), so nothing under it changes size, and slides out when closed. The layer itself
 * takes no clicks: the graph under it stays live where no drawer is.
 */
final class DrawerPane extends Pane {
    private static final Duration SLIDE = Duration.millis(180);
    private final Map<Drawer, VBox> drawers = new EnumMap<>(Drawer.class);
    private final Map<Drawer, StackPane> holders = new EnumMap<>(Drawer.class);
    private final Lecture lecture;

    DrawerPane(Lecture lecture) {
        this.lecture = lecture;
        setPickOnBounds(false);
        getStyleClass().add("lecture-drawers");
        for (Drawer d : Drawer.values()) {
            VBox box = build(d);
            drawers.put(d, box);
            getChildren().add(box);
            lecture.openProperty(d).addListener((o, was, now) -> slide(d, now));
        }
    }

    private VBox build(Drawer d) {
        Label title = new Label(d.title());
        title.getStyleClass().add("drawer-title");
        Label key = new Label("key " + d.key().getName());
        key.getStyleClass().add("drawer-key");
        Button close = new Button("✕");
        close.getStyleClass().add("drawer-close");
        close.setTooltip(new Tooltip("Close (" + d.key().getName() + ")"));
        close.setFocusTraversable(false);
        close.setOnAction(e -> lecture.openProperty(d).set(false));
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(10, title, key, spring, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("drawer-header");
        StackPane holder = new StackPane();
        holder.setMinSize(0, 0);
        VBox.setVgrow(holder, Priority.ALWAYS);
        holders.put(d, holder);
        VBox box = new VBox(header, holder);
        box.setId(d.drawerId());
        box.getStyleClass().add("lecture-drawer");
        box.setManaged(false);
        box.setVisible(lecture.openProperty(d).get());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(box.widthProperty());
        clip.heightProperty().bind(box.heightProperty());
        box.setClip(clip);
        box.setOnMousePressed(e -> box.toFront());
        return box;
    }

    /** @return the drawer's node ({@code #chartDrawer} …) */
    VBox drawer(Drawer d) {
        return drawers.get(d);
    }

    /** Puts {@code content} into drawer {@code d} (null empties it). */
    void setContent(Drawer d, Node content) {
        StackPane h = holders.get(d);
        if (content == null) {
            h.getChildren().clear();
        } else {
            h.getChildren().setAll(content);
        }
    }

    private void slide(Drawer d, boolean open) {
        VBox box = drawers.get(d);
        TranslateTransition t = new TranslateTransition(SLIDE, box);
        double away = away(d, box);
        if (open) {
            box.toFront();
            box.setVisible(true);
            if (d == Drawer.CHART || d == Drawer.DATA) {
                box.setTranslateY(away);
                t.setToY(0);
            } else {
                box.setTranslateX(away);
                t.setToX(0);
            }
        } else {
            if (d == Drawer.CHART || d == Drawer.DATA) {
                t.setToY(away);
            } else {
                t.setToX(away);
            }
            t.setOnFinished(e -> {
                if (!lecture.openProperty(d).get()) {
                    box.setVisible(false);
                    box.setTranslateX(0);
                    box.setTranslateY(0);
                }
            });
        }
        t.play();
    }

    private static double away(Drawer d, VBox box) {
        return d == Drawer.CHART || d == Drawer.DATA ? Math.max(box.getHeight(), 200) : Math.max(box.getWidth(), 200);
    }

    /** The drawers' places for the layer's size now. */
    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        place(Drawer.CHART, 0, h * 0.48, w * 0.56, h * 0.52);
        place(Drawer.DATA, w * 0.44, h * 0.48, w * 0.56, h * 0.52);
        double ww = Math.min(w, Math.max(w * 0.5, 520));
        place(Drawer.WEIGHTS, w - ww, 0, ww, h * 0.62);
        double bw = Math.min(w, Math.max(w * 0.46, 480));
        place(Drawer.TABS, w - bw, 0, bw, h);
    }

    private void place(Drawer d, double x, double y, double w, double h) {
        drawers.get(d).resizeRelocate(Math.round(x), Math.round(y), Math.round(w), Math.round(h));
    }
}
