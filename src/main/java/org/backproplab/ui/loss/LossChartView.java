package org.backproplab.ui.loss;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Throttle;
import org.backproplab.ui.UiState;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.fx.overlay.CrosshairOverlayFX;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * The loss chart: the training-set loss against the number of updates made, live, with a log-scale switch, a
 * crosshair readout, markers for edits and η changes (merged into one label where they would overprint), a red
 * line where the loss was infinite, and a red cursor at the iteration shown after a jump back. The JFreeChart
 * {@link ChartViewer} inside has the id {@code lossChart}. Redraws only when the curve changed, at most
 * once per frame, from a series of at most a few thousand items however long training ran.
 */
public final class LossChartView extends VBox {
    /** At most this many marker lines are drawn. */
    static final int MAX_MARKERS = 200;
    /** The axes' width beside the plot area before the chart was first drawn, in pixels. */
    private static final double AXIS_MARGIN_ESTIMATE = 80;

    /** Redraws per second at most while training runs (stepping and pausing redraw at once). */
    static final double RUNNING_REDRAWS_PER_SECOND = 8;

    private final LossChartViewModel model = new LossChartViewModel();
    private final Throttle throttle = new Throttle(RUNNING_REDRAWS_PER_SECOND);
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final Crosshair crosshair = LossChartFactory.crosshair();
    private String axisLabel = LossChartViewModel.TRAINING_LABEL;
    /**
     * What the curves are (the view model's axis label, e.g. "training-set loss, every 20,000 iterations"), beside
     * the title: the chart is too short at 1024×768 for it to stand along the axis, which just says "loss".
     */
    private final Label what = new Label(LossChartViewModel.TRAINING_LABEL);
    /** Lays the markers out again when the iteration axis changes its range (a zoom, a longer run). */
    private final org.jfree.chart.event.AxisChangeListener markersFollowAxis = e -> redrawMarkers();
    /** Recolours the chart for the theme and zoom now (presenter mode). */
    private final Runnable theme;
    private final UiState state;
    /** What the runs' colours and the legend were last painted for ({@link #looks()}). */
    private String painted = "";
    /** The test loss's legend entry. */
    static final String TEST_LEGEND = "test loss (dashed)";
    /** How much larger the chart's text is in lecture mode. */
    static final double LECTURE_TEXT = 1.5;
    private final HBox header;
    /** The regularization of the run on show now, for the penalty's legend entry. */
    private org.backproplab.engine.Regularization regularization = org.backproplab.engine.Regularization.NONE;

    public LossChartView(SessionBridge bridge, UiState state) {
        getStyleClass().add("loss-chart-view");
        this.state = state;
        chart = LossChartFactory.createChart(model.dataset());
        plot = chart.getXYPlot();
        LossChartFactory.addOtherRuns(chart, model.otherRuns(), this::legendItems);
        LossChartFactory.addSplit(chart, model.splitDataset());
        viewer = new ChartViewer(chart);
        this.theme = () -> {
            LossChartFactory.applyTheme(chart, state.themeProperty().get(), fontScale());
            paintRuns();
        };
        state.themeProperty().addListener((o, a, b) -> theme.run());
        state.zoomProperty().addListener((o, a, b) -> theme.run());
        state.lectureProperty().addListener((o, a, b) -> theme.run());
        theme.run();
        viewer.setId("lossChart");
        viewer.setMinSize(200, 120);
        viewer.getCanvas().setTooltipEnabled(false);
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info != null) {
            info.setEntityCollection(null);
        }
        CrosshairOverlayFX overlay = new CrosshairOverlayFX();
        overlay.addDomainCrosshair(crosshair);
        viewer.getCanvas().addOverlay(overlay);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                // clicks zoom (drag) or open the menu (right button): nothing to add
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                follow(e.getTrigger().getX(), e.getTrigger().getY());
            }
        });
        viewer.setOnMouseExited(e -> follow(Double.NaN, Double.NaN));
        // marker labels are laid out for the chart's width and range: again after a resize or a zoom
        viewer.getCanvas().widthProperty().addListener((o, was, is) -> redrawMarkers());
        plot.getDomainAxis().addChangeListener(markersFollowAxis);

        Label title = new Label("Loss");
        title.getStyleClass().add("panel-title");
        CheckBox log = new CheckBox("Log scale");
        log.setId("lossLogScale");
        log.setTooltip(new Tooltip("Show the loss on a logarithmic axis (zero losses are left out)"));
        log.selectedProperty().bindBidirectional(model.logScaleProperty());
        model.logScaleProperty().addListener((o, was, is) -> switchScale(is));
        CheckBox logIterations = new CheckBox("Log iterations");
        logIterations.setId("lossLogIterations");
        logIterations.setTooltip(new Tooltip("Show the iterations on a logarithmic axis (1, 10, 100, 1,000 …): the start "
                + "of training stays visible however long the run; iteration 0 has no place on it"));
        logIterations.selectedProperty().bindBidirectional(model.logIterationsProperty());
        model.logIterationsProperty().addListener((o, was, is) -> switchIterations(bridge, is));
        Label readout = new Label();
        readout.setId("lossReadout");
        readout.getStyleClass().add("chart-readout");
        readout.textProperty().bind(model.readoutProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        what.setId("lossWhat");
        what.getStyleClass().add("chart-readout");
        what.setMinWidth(0);
        what.setTooltip(new Tooltip());
        what.getTooltip().setText(what.getText());
        HBox.setHgrow(what, Priority.SOMETIMES);
        header = new HBox(12, title, what, log, logIterations, spacer, readout);
        // in a narrow window the description gives its room away (its tooltip keeps it), never the switches
        for (javafx.scene.control.Control c : List.of(title, log, logIterations)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 2, 8));
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().addAll(header, viewer);
        setStyle("-fx-background-color: -bl-surface;");

        bridge.snapshotProperty().addListener((o, was, s) -> {
            if (s != null) {
                throttle.submit(!s.running(), () -> show(s));
            }
        });
        show(bridge.snapshot());
    }

    // Properties

    /** @return the items in the drawn series (at most four per bucket of iterations) */
    public int pointCount() {
        return model.pointCount();
    }

    /** @return the view model (for tests and the shell's menus) */
    public LossChartViewModel model() {
        return model;
    }

    /** @return the JFreeChart drawn */
    public JFreeChart chart() {
        return chart;
    }

    // Commands

    /**
     * @return how much larger than usual the chart's axis and legend text is drawn: the window's zoom (presenter
     *         mode), times {@value #LECTURE_TEXT} in lecture mode, where the chart is read from the back of a room
     */
    double fontScale() {
        return state.zoomProperty().get() * (state.lectureProperty().get() ? LECTURE_TEXT : 1);
    }

    /** Adds {@code node} (e.g. a button) to the chart's header, after the scale switches. */
    public void addToHeader(javafx.scene.Node node) {
        if (node instanceof Region r) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        header.getChildren().add(header.getChildren().size() - 2, node);
    }

    /** Writes the chart as it is now to a PNG file (FX thread). */
    public void writePng(Path file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    /** Writes the chart as it is now to an SVG file (FX thread). */
    public void writeSvg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(width, height));
        SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
    }

    private void show(Snapshot s) {
        if (s == null) {
            return;
        }
        chart.setNotify(false);
        try {
            model.setCadence(s.lossCadence());
            boolean changed = model.update(s.losses(), s.iteration(), s.historyEnd());
            changed |= model.updateTest(s.testLosses());
            boolean hadSplit = model.split() != null;
            changed |= model.updateSplit(s.lossSplit());
            regularization = s.scenario().config().regularization();
            if (model.updateRuns(s.runCurves(), s.runs()) | hadSplit != (model.split() != null)) {
                changed = true;
                String look = looks();
                if (!look.equals(painted)) { // a run's loss changes at every snapshot; its colour and line do not
                    paintRuns();
                }
            }
            String label = model.axisLabel();
            String tip = model.split() == null ? label : label + "\n" + LossSplitSeries.note(regularization);
            if (!label.equals(axisLabel) || !tip.equals(what.getTooltip().getText())) {
                axisLabel = label;
                what.setText(label);
                what.getTooltip().setText(tip);
            }
            if (changed) {
                drawMarkers();
            }
            LossChartFactory.showPoints(plot, model.pointCount() < LossChartFactory.FEW_POINTS);
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * The legend: every run, named by the settings in which the runs differ, when there is more than one; while the
     * run on show has a penalty, its loss {@code L = L_data + Ω}, the data loss and the penalty, each as it is drawn;
     * and with either, the test loss when rows are held out.
     */
    private org.jfree.chart.LegendItemCollection legendItems() {
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        org.backproplab.ui.Theme theme = state.themeProperty().get();
        boolean split = model.split() != null;
        List<org.backproplab.session.RunInfo> runs = model.legendRuns();
        for (org.backproplab.session.RunInfo r : runs) {
            String on = r.current() ? " (on show)" : "";
            items.add(LossChartFactory.runItem(r.label() + on, r.number(), theme, r.current()));
        }
        if (split) {
            if (runs.isEmpty()) {
                items.add(LossChartFactory.runItem(LossSplitSeries.LOSS_LEGEND, 1, theme, true));
            }
            items.add(LossChartFactory.splitItem(LossSplitSeries.DATA_LEGEND, 0, theme));
            items.add(LossChartFactory.splitItem(LossSplitSeries.penaltyLegend(regularization), 1, theme));
        }
        if (items.getItemCount() > 0 && model.dataset().getSeries(1).getItemCount() > 0) {
            // beside other dashed lines, the test loss needs its own entry (alone, the axis names it)
            items.add(LossChartFactory.testItem(TEST_LEGEND, theme));
        }
        return items;
    }

    /** @return what {@link #paintRuns} depends on besides the theme and the zoom: which runs, which is on show, the split */
    private String looks() {
        StringBuilder b = new StringBuilder(model.split() == null ? "-" : "split");
        model.legendRuns().forEach(r -> b.append(' ').append(r.number()).append(r.current() ? "*" : ""));
        for (int i = 0; i < model.otherRuns().getSeriesCount(); i++) {
            b.append(i == 0 ? " |" : " ").append(model.otherRun(i));
        }
        return b.toString();
    }

    /** Colours each run's line as the runs table does and shows the legend when there are several runs. */
    private void paintRuns() {
        painted = looks();
        List<org.backproplab.session.RunInfo> runs = model.legendRuns();
        int current = runs.stream().filter(org.backproplab.session.RunInfo::current)
                .mapToInt(org.backproplab.session.RunInfo::number).findFirst().orElse(1);
        int[] others = new int[model.otherRuns().getSeriesCount()];
        for (int i = 0; i < others.length; i++) {
            others[i] = model.otherRun(i);
        }
        LossChartFactory.paintRuns(chart, state.themeProperty().get(), fontScale(), current, others,
                !runs.isEmpty() || model.split() != null);
        LossChartFactory.paintSplit(chart, state.themeProperty().get());
    }

    /**
     * Switches the iteration axis: the session sends the curve decimated for it from the next snapshot on (every
     * iteration of the start kept on a log axis); until then the points already drawn stay, those at iteration 0 aside.
     */
    private void switchIterations(SessionBridge bridge, boolean log) {
        chart.setNotify(false);
        try {
            plot.getDomainAxis().removeChangeListener(markersFollowAxis);
            plot.setDomainAxis(LossChartFactory.domainAxis(log));
            plot.getDomainAxis().addChangeListener(markersFollowAxis);
            theme.run();
            model.redraw();
            drawMarkers();
        } finally {
            chart.setNotify(true);
        }
        bridge.session().setLogIterations(log);
    }

    private void switchScale(boolean log) {
        chart.setNotify(false);
        try {
            plot.setRangeAxis(LossChartFactory.rangeAxis(log, LossChartViewModel.AXIS_LABEL));
            theme.run();
            model.redraw();
        } finally {
            chart.setNotify(true);
        }
    }

    /** Lays the markers out again for the chart's width and range now (after a resize or a zoom). */
    private void redrawMarkers() {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            drawMarkers();
        } finally {
            chart.setNotify(notify);
        }
    }

    private void drawMarkers() {
        plot.clearDomainMarkers();
        ValueAxis x = plot.getDomainAxis();
        double width = plotWidth();
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(0, 0, width, 1);
        List<MarkerLayout.Placed> lines = MarkerLayout.place(model.marks(), x.getLowerBound(), x.getUpperBound(),
                width, LossChartFactory::markerLabelWidth, it -> x.valueToJava2D(it, area, plot.getDomainAxisEdge()));
        for (int i = Math.max(0, lines.size() - MAX_MARKERS); i < lines.size(); i++) {
            LossChartFactory.addMarker(plot, LossChartFactory.marker(lines.get(i)));
        }
        if (model.cursor() >= 0) {
            LossChartFactory.addMarker(plot, LossChartFactory.cursorMarker(model.cursor()));
        }
    }

    /**
     * @return the width in pixels of the plot area: the canvas less the axes' margin at the last drawing (or an
     *         estimate of it before the first)
     */
    double plotWidth() {
        double canvas = viewer.getCanvas().getWidth();
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info != null && info.getChartArea().getWidth() > 0) {
            return Math.max(1, canvas - (info.getChartArea().getWidth() - info.getPlotInfo().getDataArea().getWidth()));
        }
        return Math.max(1, canvas - AXIS_MARGIN_ESTIMATE);
    }

    /** Moves the crosshair and the readout to the mouse at canvas coordinates ({@code NaN} hides them). */
    private void follow(double mx, double my) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        Rectangle2D area = info == null ? null : info.getPlotInfo().getDataArea();
        Point2D p = new Point2D.Double(mx, my);
        if (area == null || Double.isNaN(mx) || !area.contains(p)) {
            crosshair.setVisible(false);
            model.pointAt(Double.NaN);
            return;
        }
        double x = plot.getDomainAxis().java2DToValue(mx, area, plot.getDomainAxisEdge());
        crosshair.setValue(x);
        crosshair.setVisible(true);
        model.pointAt(x);
    }
}
