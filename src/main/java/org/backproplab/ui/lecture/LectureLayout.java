package org.backproplab.ui.lecture;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.backproplab.ui.inspector.InspectorView;

/**
 * The window's panes in their two arrangements. Normally: the network graph with the side tabs (inspector,
 * decision boundary) on its right, the loss chart and the data table below. In lecture mode: the graph and the
 * derivation panel fill the window, and the loss chart, the data table, the weight grids and the side tabs wait
 * in drawers ({@link DrawerPane}) that slide over them, one key each, listed on the drawer bar
 * ({@link #drawerBar()}). The same nodes move between the arrangements, so their ids and state stay. The side
 * tabs, the chart and the data table are given as the places that hold them, which may still be empty: lecture mode
 * is arranged once the inspector and the side tabs are there ({@link #complete}).
 */
public final class LectureLayout extends StackPane {
    private final Lecture lecture;
    private final Node graph;
    private final Node sidePlace;
    private InspectorView inspector;
    private TabPane side;
    private Tab inspectorTab;
    private final Node chart;
    private final Node data;
    private final SplitPane top;
    private final SplitPane bottom;
    private final SplitPane all;
    /** Lecture mode's arrangement (the split of the graph and the derivation under the drawers), made when first on. */
    private SplitPane base;
    private DrawerPane drawers;
    private StackPane stage;
    private Label inspectorAway;
    /** The drawer bar, made when first asked for ({@link #drawerBar()}). */
    private HBox bar;
    private double[] normalDividers;
    private Tab normalTab;
    private final double[] lectureDivider = {-1};

    /**
     * @param graph     the network graph
     * @param sidePlace the place of the side tabs (see {@link #complete})
     * @param chart     the place of the loss chart with what goes with it
     * @param data      the place of the data table with what goes with it
     */
    public LectureLayout(Lecture lecture, Node graph, Node sidePlace, Node chart, Node data) {
        this.lecture = lecture;
        this.graph = graph;
        this.sidePlace = sidePlace;
        this.chart = chart;
        this.data = data;
        getStylesheets().add(LectureLayout.class.getResource("lecture.css").toExternalForm());
        top = new SplitPane();
        bottom = new SplitPane();
        all = new SplitPane(top, bottom);
        all.setOrientation(Orientation.VERTICAL);
        all.getStyleClass().add("main-split");
        normal(true);
        lecture.onProperty().addListener((o, was, on) -> {
            if (side != null) {
                arrange(on);
            }
        });
        lecture.openProperty(Drawer.TABS).addListener((o, was, open) -> {
            if (side != null && lecture.onProperty().get()) {
                followTabsDrawer();
            }
        });
    }

    /**
     * Takes the side tabs, now in their place, and arranges lecture mode if it is on (it waits for them).
     *
     * @param inspector the inspector, whose derivation is the lecture's right-hand panel
     * @param side      the side tabs, the inspector's tab first
     */
    public void complete(InspectorView inspector, TabPane side) {
        this.inspector = inspector;
        this.side = side;
        this.inspectorTab = side.getTabs().get(0);
        if (lecture.onProperty().get()) {
            arrange(true);
        }
    }

    // Properties

    /** @return the drawer bar: one button per drawer with its key, and the keys of lecture mode (shown in lecture mode only) */
    public Node drawerBar() {
        if (bar == null) {
            bar = drawerBar(lecture);
        }
        return bar;
    }

    /** @return the node of drawer {@code d} (for tests; made with lecture mode's arrangement) */
    public Node drawer(Drawer d) {
        makeLectureStage();
        return drawers.drawer(d);
    }

    /** @return true once lecture mode's arrangement (its split and drawers) is made: when first on (for tests) */
    public boolean lectureArrangementMade() {
        return stage != null;
    }

    /**
     * Makes lecture mode's arrangement, unless made: the split of the graph and the derivation with the drawers over
     * it, and what stands in the inspector's tab meanwhile. The usual arrangement does without them.
     */
    private void makeLectureStage() {
        if (stage != null) {
            return;
        }
        base = new SplitPane();
        base.getStyleClass().add("lecture-split");
        drawers = new DrawerPane(lecture);
        stage = new StackPane(base, drawers);
        stage.setId("lectureStage");
        inspectorAway = new Label("In lecture mode the inspector's derivation is beside the graph "
                + "and its weights are in the Weights drawer (W). F5 brings the usual layout back.");
        inspectorAway.setWrapText(true);
        inspectorAway.getStyleClass().add("inspector-away");
    }

    // Commands

    /** Follows the window's size: the lecture text size grows with it (see {@link LectureSizes}). */
    public void install(Scene scene) {
        Runnable size = () -> lecture.state().lectureTextProperty().set(LectureSizes.textPx(scene.getWidth(), scene.getHeight()));
        scene.widthProperty().addListener((o, a, b) -> size.run());
        scene.heightProperty().addListener((o, a, b) -> size.run());
        size.run();
    }

    private void arrange(boolean on) {
        makeLectureStage();
        if (on) {
            normalDividers = new double[] {all.getDividerPositions()[0], top.getDividerPositions()[0],
                bottom.getDividerPositions()[0]};
            top.getItems().clear();
            bottom.getItems().clear();
            inspectorTab.setContent(inspectorAway);
            base.getItems().setAll(graph, inspector);
            base.setDividerPositions(lectureDivider[0] > 0 ? lectureDivider[0] : defaultDivider());
            drawers.setContent(Drawer.CHART, chart);
            drawers.setContent(Drawer.DATA, data);
            drawers.setContent(Drawer.WEIGHTS, inspector.detachWeights());
            normalTab = side.getSelectionModel().getSelectedItem();
            followTabsDrawer();
            drawers.setContent(Drawer.TABS, sidePlace);
            getChildren().setAll(stage);
        } else {
            lectureDivider[0] = base.getDividerPositions().length > 0 ? base.getDividerPositions()[0] : -1;
            for (Drawer d : Drawer.values()) {
                drawers.setContent(d, null);
            }
            base.getItems().clear();
            inspector.attachWeights();
            inspectorTab.setContent(inspector);
            if (normalTab != null) {
                side.getSelectionModel().select(normalTab);
            }
            normal(false);
        }
    }

    /**
     * Shows the decision boundary in the side tabs' drawer while it is open, and the inspector's (empty) tab while
     * it is closed, so that the boundary is not computed for nobody to see.
     */
    private void followTabsDrawer() {
        boolean open = lecture.openProperty(Drawer.TABS).get();
        if (open && side.getSelectionModel().getSelectedItem() == inspectorTab) {
            side.getSelectionModel().select(1);
        } else if (!open) {
            side.getSelectionModel().select(inspectorTab);
        }
    }

    /** @return the graph's share of the width in lecture mode: more on a wide screen */
    private double defaultDivider() {
        double w = getWidth() > 0 ? getWidth() : 1024;
        return w >= 1600 ? 0.62 : 0.58;
    }

    /** The usual arrangement (at its first use, the default divider positions). */
    private void normal(boolean first) {
        top.getItems().setAll(graph, sidePlace);
        // a wider window gives its extra width to the graph, not the inspector
        SplitPane.setResizableWithParent(sidePlace, false);
        bottom.getItems().setAll(chart, data);
        if (first || normalDividers == null) {
            top.setDividerPositions(0.66);
            bottom.setDividerPositions(0.55);
            all.setDividerPositions(0.57);
        } else {
            all.setDividerPositions(normalDividers[0]);
            top.setDividerPositions(normalDividers[1]);
            bottom.setDividerPositions(normalDividers[2]);
        }
        getChildren().setAll(all);
    }

    private static HBox drawerBar(Lecture lecture) {
        HBox bar = new HBox(6);
        bar.getStyleClass().add("drawer-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Map<Drawer, ToggleButton> buttons = new EnumMap<>(Drawer.class);
        for (Drawer d : Drawer.values()) {
            ToggleButton b = new ToggleButton(d.shortTitle() + " (" + d.key().getName() + ")");
            b.setId(d.toggleId());
            b.getStyleClass().add("drawer-toggle");
            b.setTooltip(new Tooltip("Open or close the " + d.title().toLowerCase(java.util.Locale.ROOT)
                    + " over the graph [" + d.key().getName() + "]"));
            b.setFocusTraversable(false);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.selectedProperty().bindBidirectional(lecture.openProperty(d));
            buttons.put(d, b);
            bar.getChildren().add(b);
        }
        Label keys = new Label("↑/↓ neuron · Shift+↑/↓ edge · F5 leaves");
        keys.getStyleClass().add("lecture-keys");
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.getChildren().add(keys);
        bar.visibleProperty().bind(lecture.onProperty());
        bar.managedProperty().bind(lecture.onProperty());
        return bar;
    }
}
