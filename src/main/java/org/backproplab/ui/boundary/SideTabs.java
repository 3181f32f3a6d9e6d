package org.backproplab.ui.boundary;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.digits.DigitPadView;
import org.backproplab.ui.landscape.LandscapeView;

/**
 * The right-hand column beside the network graph: the inspector, the decision boundary, the confusion matrix, the
 * runs side by side ({@code #runsTab}), the loss landscape ({@code #landscapeTab}) and, for data sets whose inputs are
 * an image, the draw-a-digit pad ({@code #drawTab}) as tabs, so the graph stays in view while the heatmap changes
 * (click a neuron in the graph and watch its heatmap). Choosing the Decision boundary, the Runs, the Landscape or
 * the Draw tab widens the column, if it is narrow, so the plane, the table, the landscape or the pad is large enough
 * for a room.
 */
public final class SideTabs {
    /** The column's share of the width when the Decision boundary tab is chosen, at least. */
    static final double BOUNDARY_SHARE = 0.42;

    private SideTabs() {
    }

    /**
     * @return a tab pane ({@code #sideTabs}) with {@code inspector} first, and a {@link DecisionBoundaryView} and the
     *         runs table, each made when its tab is first chosen (until then the window neither styles, lays out nor
     *         computes it)
     */
    public static TabPane of(Node inspector, SessionBridge bridge, UiState state) {
        Tab inspect = new Tab("Inspector", inspector);
        inspect.setId("inspectorTab");
        Tab boundary = lazyTab("Boundary", "boundaryTab", () -> new DecisionBoundaryView(bridge, state),
                (view, now) -> view.viewModel().setActive(now));
        boundary.setTooltip(new javafx.scene.control.Tooltip("The decision boundary: what the network answers over the "
                + "input plane, and each neuron's map"));
        Tab confusion = new Tab("Confusion", new org.backproplab.ui.confusion.ConfusionView(bridge, state));
        confusion.setId("confusionTab");
        Tab runs = lazyTab("Runs", "runsTab", () -> new org.backproplab.ui.runs.RunsView(bridge, state), (view, now) -> { });
        Tab landscape = lazyTab("Landscape", "landscapeTab", () -> new LandscapeView(bridge, state),
                (view, now) -> view.viewModel().setActive(now));
        TabPane tabs = new TabPane(inspect, boundary, confusion, runs, landscape);
        tabs.setId("sideTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        DigitPadView pad = new DigitPadView(bridge);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(pad);
        scroll.setFitToWidth(true);
        Tab draw = new Tab("Draw", scroll);
        draw.setId("drawTab");
        pad.model().imageProperty().addListener((o, was, image) -> showDraw(tabs, draw, image != null));
        showDraw(tabs, draw, pad.model().imageProperty().get() != null);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == boundary || t == draw || t == runs || t == landscape) {
                widen(tabs);
            }
        });
        return tabs;
    }

    /**
     * @return a tab whose content {@code make} makes when the tab is first chosen (until then the window neither
     *         styles, lays out nor computes it); {@code active} is told each time the tab is chosen or left
     */
    private static <V extends Node> Tab lazyTab(String text, String id, java.util.function.Supplier<V> make,
                                                java.util.function.BiConsumer<V, Boolean> active) {
        Tab tab = new Tab(text);
        tab.setId(id);
        java.util.List<V> made = new java.util.ArrayList<>(1);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && made.isEmpty()) {
                made.add(make.get());
                tab.setContent(made.get(0));
            }
            if (!made.isEmpty()) {
                active.accept(made.get(0), now);
            }
        });
        return tab;
    }

    /**
     * Adds the Draw tab (after Confusion, so at 1024×768 it is in view and the Landscape tab, slow on image data, is
     * the one in the ▾ menu) or removes it.
     */
    private static void showDraw(TabPane tabs, Tab draw, boolean show) {
        if (show && !tabs.getTabs().contains(draw)) {
            tabs.getTabs().add(Math.min(3, tabs.getTabs().size()), draw);
        } else if (!show) {
            tabs.getTabs().remove(draw);
        }
    }

    /**
     * Moves the divider of the split pane holding {@code tabs} (as its last item, or the place holding them) so the
     * column is wide enough.
     */
    private static void widen(TabPane tabs) {
        Node item = tabs;
        while (item.getParent() != null && !(item.getParent().getParent() instanceof SplitPane)) {
            item = item.getParent();
        }
        if (item.getParent() == null || !(item.getParent().getParent() instanceof SplitPane split)) {
            return;
        }
        int i = split.getItems().indexOf(item);
        if (i > 0 && split.getDividerPositions()[i - 1] > 1 - BOUNDARY_SHARE) {
            split.setDividerPosition(i - 1, 1 - BOUNDARY_SHARE);
        }
    }
}
