package org.backproplab.ui.loss;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import org.backproplab.ui.runs.RunColours;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;

/**
 * Builds the loss chart and its decorations: the one place that uses java.awt colours, fonts and strokes.
 * Sizes are chosen for a projector (14–15 pt text, a 2.5 px line).
 */
public final class LossChartFactory {
    private static final Color LINE = new Color(0x1f, 0x5f, 0x9f);
    /** The test loss: orange and dashed, so it differs from the training line by shape as well as colour. */
    private static final Color TEST_LINE = new Color(0xc0, 0x57, 0x0a);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color TEXT = new Color(0x33, 0x33, 0x33);
    private static final Color EDIT = new Color(0x99, 0x55, 0xbb);
    private static final Color CURSOR = new Color(0xd6, 0x27, 0x28);
    private static final Font TICKS = new Font("DejaVu Sans", Font.PLAIN, 13);
    private static final Font LABELS = new Font("DejaVu Sans", Font.PLAIN, 14);
    private static final Font MARKER = new Font("DejaVu Sans", Font.PLAIN, 12);
    /** Measures marker labels as the chart draws them (anti-aliased, fractional metrics). */
    private static final FontRenderContext FONT_CONTEXT = new FontRenderContext(null, true, true);

    private LossChartFactory() {
    }

    /**
     * @param dataset one series: loss against iteration
     * @return a line chart without title or legend, loss on a linear axis
     */
    public static JFreeChart createChart(XYDataset dataset) {
        // the rotated loss label as one rotated string (FXGraphics2D draws it as text), not as glyph outlines
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        ValueAxis x = domainAxis(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesPaint(1, TEST_LINE);
        renderer.setSeriesStroke(1, TEST_STROKE);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultShape(new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setAutoPopulateSeriesShape(false);
        // the readout comes from the crosshair, not from one tooltip entity per drawn point
        renderer.setDefaultCreateEntities(false);
        XYPlot plot = new XYPlot(dataset, x, rangeAxis(false, LossChartViewModel.AXIS_LABEL), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 4, 4, 12));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /**
     * @param log true for a logarithmic iteration axis (1, 10, 100 …; iteration 0 must be left out of the data)
     * @return the horizontal axis: iterations, whole numbers
     */
    public static ValueAxis domainAxis(boolean log) {
        ValueAxis axis;
        if (log) {
            LogAxis a = new LogAxis(LossChartViewModel.X_LABEL_LOG);
            a.setBase(10);
            a.setSmallestValue(1);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(LossChartViewModel.X_LABEL);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setAutoRangeIncludesZero(false);
            axis = a;
        }
        style(axis);
        return axis;
    }

    /**
     * @param log   true for a logarithmic axis (values ≤ 0 must be left out of the data)
     * @param label the axis label, e.g. "training-set loss"
     */
    public static ValueAxis rangeAxis(boolean log, String label) {
        ValueAxis axis;
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setSmallestValue(LossChartViewModel.LOG_FLOOR);
            a.setBase(10);
            a.setAutoRangeMinimumSize(1e-12);
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(true);
            axis = a;
        }
        style(axis);
        return axis;
    }

    private static void style(ValueAxis axis) {
        axis.setLabelFont(LABELS);
        axis.setTickLabelFont(TICKS);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
    }

    /**
     * A vertical line for a placed marker: dashed purple where something was changed by hand, solid red where the
     * loss was infinite; its label (if any) on its row from the top, right of the line or left of it.
     */
    static ValueMarker marker(MarkerLayout.Placed p) {
        boolean alarm = p.kind() == MarkerLayout.Kind.NON_FINITE;
        Color paint = alarm ? CURSOR : EDIT;
        ValueMarker m = new ValueMarker(p.iteration(), paint, alarm ? new BasicStroke(2f)
                : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        if (p.label() == null) {
            return m;
        }
        labelled(m, p.label(), paint, p.left() ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT,
                p.left() ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4 + p.row() * markerRowHeight(), 4, 4, 4));
        return m;
    }

    /** @return the width in pixels of a marker label (text and offset) */
    static double markerLabelWidth(String text) {
        return MARKER.getStringBounds(text, FONT_CONTEXT).getWidth() + 4;
    }

    /** @return the height in pixels of one row of marker labels */
    static double markerRowHeight() {
        return Math.ceil(MARKER.getLineMetrics("Ég", FONT_CONTEXT).getHeight()) + 2;
    }

    /** A solid vertical line at the iteration shown after a jump back. */
    public static ValueMarker cursorMarker(long iteration) {
        return labelled(new ValueMarker(iteration, CURSOR, new BasicStroke(2f)), "shown: " + iteration, CURSOR,
                RectangleAnchor.BOTTOM_LEFT, TextAnchor.BOTTOM_RIGHT);
    }

    private static ValueMarker labelled(ValueMarker m, String label, java.awt.Paint paint, RectangleAnchor anchor,
                                        TextAnchor text) {
        m.setLabel(label);
        m.setLabelFont(MARKER);
        m.setLabelPaint(paint);
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(text);
        m.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
        return m;
    }

    /** The vertical crosshair that follows the mouse. */
    public static Crosshair crosshair() {
        Crosshair c = new Crosshair(Double.NaN, new Color(0x88, 0x88, 0x88), new BasicStroke(1f));
        c.setVisible(false);
        return c;
    }

    /**
     * Recolours the chart for a theme and scales its fonts by the window's zoom (presenter mode): background,
     * grid, axis text, and the series colours (training loss first, test loss second).
     */
    public static void applyTheme(JFreeChart chart, org.backproplab.ui.Theme theme, double zoom) {
        XYPlot plot = chart.getXYPlot();
        Color bg = awt(theme.background());
        Color grid = awt(theme.grid());
        Color text = awt(theme.ink());
        chart.setBackgroundPaint(bg);
        plot.setBackgroundPaint(bg);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        if (plot.getRenderer() != null) {
            plot.getRenderer().setSeriesPaint(0, awt(theme.series()));
            plot.getRenderer().setSeriesPaint(1, awt(theme.secondSeries()));
        }
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            if (axis != null) {
                axis.setLabelFont(LABELS.deriveFont((float) (LABELS.getSize2D() * zoom)));
                axis.setTickLabelFont(TICKS.deriveFont((float) (TICKS.getSize2D() * zoom)));
                axis.setLabelPaint(text);
                axis.setTickLabelPaint(text);
                axis.setAxisLinePaint(grid);
                axis.setTickMarkPaint(grid);
            }
        }
    }

    private static Color awt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }

    /**
     * Below this many items a series also draws a dot at every item, so that a curve of one or two
     * iterations (a single point has no line) is visible.
     */
    public static final int FEW_POINTS = 50;

    /** Turns the dots at every item on or off (only if that changes: the renderer fires an event). */
    static void showPoints(XYPlot plot, boolean show) {
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer r && r.getDefaultShapesVisible() != show) {
            r.setDefaultShapesVisible(show);
        }
    }

    /** The width of a run's line that is not on show (the run on show keeps its 2.5 px). */
    private static final float OTHER_RUN_WIDTH = 2f;
    private static final Font LEGEND = new Font("DejaVu Sans", Font.PLAIN, 13);

    /**
     * Adds the runs not on show to {@code plot} as its second data set, drawn under the run on show, one line each,
     * and a legend under the plot (hidden until {@link #paintRuns} names more than one run).
     */
    static void addOtherRuns(JFreeChart chart, XYDataset others, org.jfree.chart.LegendItemSource legend) {
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultStroke(new BasicStroke(OTHER_RUN_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        r.setAutoPopulateSeriesStroke(false);
        r.setDrawSeriesLineAsPath(true);
        r.setDefaultCreateEntities(false);
        plot.setDataset(1, others);
        plot.setRenderer(1, r);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        org.jfree.chart.title.LegendTitle title = new org.jfree.chart.title.LegendTitle(legend);
        title.setItemFont(LEGEND);
        title.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        title.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        title.setBackgroundPaint(null);
        title.setVisible(false);
        chart.addLegend(title);
    }

    /**
     * Colours every run's line as the runs table does ({@link RunColours}): series 0 of the first data set (the run
     * on show) and each series of the second ({@code others[i]} its run's number); shows the legend if
     * {@code legend} is true, in the theme's text colour at the window's zoom.
     */
    static void paintRuns(JFreeChart chart, org.backproplab.ui.Theme theme, double zoom, int current, int[] others,
                          boolean legend) {
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer(0).setSeriesPaint(0, awt(RunColours.of(current, theme)), false);
        for (int i = 0; i < others.length; i++) {
            plot.getRenderer(1).setSeriesPaint(i, awt(RunColours.of(others[i], theme)), false);
        }
        org.jfree.chart.title.LegendTitle title = chart.getLegend();
        title.setItemPaint(awt(theme.ink()));
        title.setItemFont(LEGEND.deriveFont((float) (LEGEND.getSize2D() * zoom)));
        title.setVisible(legend);
    }

    /** @return a legend entry: a short line in run {@code number}'s colour and {@code text} */
    static org.jfree.chart.LegendItem runItem(String text, int number, org.backproplab.ui.Theme theme, boolean current) {
        org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(text, awt(RunColours.of(number, theme)));
        item.setShapeVisible(false);
        item.setLineVisible(true);
        item.setLine(new java.awt.geom.Line2D.Double(-9, 0, 9, 0));
        item.setLineStroke(new BasicStroke(current ? 4f : 2.5f));
        item.setLinePaint(awt(RunColours.of(number, theme)));
        return item;
    }

    /** The test loss: dashed. */
    private static final BasicStroke TEST_STROKE = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 4f}, 0f);

    /** The test loss as a legend shows it (when there is a legend): dashed, in the theme's second series colour. */
    static org.jfree.chart.LegendItem testItem(String text, org.backproplab.ui.Theme theme) {
        Color c = awt(theme.secondSeries());
        org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(text, c);
        item.setShapeVisible(false);
        item.setLineVisible(true);
        item.setLine(new java.awt.geom.Line2D.Double(-14, 0, 14, 0));
        item.setLineStroke(TEST_STROKE);
        item.setLinePaint(c);
        return item;
    }

    /** The data loss: dash-dot, so that it differs from the loss (solid) and the test loss (dashed) in grey too. */
    private static final float[] DATA_DASH = {12f, 4f, 2.5f, 4f};
    /** The penalty: dotted. */
    private static final float[] PENALTY_DASH = {1f, 5f};
    private static final Color DATA_LIGHT = new Color(0x00, 0x7a, 0x5a);
    private static final Color DATA_DARK = new Color(0x4c, 0xd6, 0xa8);
    private static final Color PENALTY_LIGHT = new Color(0xa6, 0x2d, 0x8a);
    private static final Color PENALTY_DARK = new Color(0xf2, 0x8f, 0xd8);

    /**
     * Adds the loss's two terms to {@code plot} as its third data set ({@code split}: series 0 the data loss, series
     * 1 the penalty), drawn under the loss: the data loss dash-dot, the penalty dotted with round dots.
     */
    static void addSplit(JFreeChart chart, XYDataset split) {
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesStroke(0, splitStroke(0), false);
        r.setSeriesStroke(1, splitStroke(1), false);
        r.setDrawSeriesLineAsPath(true);
        r.setDefaultCreateEntities(false);
        plot.setDataset(2, split);
        plot.setRenderer(2, r);
    }

    private static BasicStroke splitStroke(int series) {
        return series == 0 ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DATA_DASH, 0f)
                : new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, PENALTY_DASH, 0f);
    }

    private static Color splitColour(int series, org.backproplab.ui.Theme theme) {
        boolean dark = theme == org.backproplab.ui.Theme.DARK;
        return series == 0 ? (dark ? DATA_DARK : DATA_LIGHT) : (dark ? PENALTY_DARK : PENALTY_LIGHT);
    }

    /** Colours the data loss and the penalty for {@code theme}. */
    static void paintSplit(JFreeChart chart, org.backproplab.ui.Theme theme) {
        XYPlot plot = chart.getXYPlot();
        if (plot.getRenderer(2) != null) {
            plot.getRenderer(2).setSeriesPaint(0, splitColour(0, theme), false);
            plot.getRenderer(2).setSeriesPaint(1, splitColour(1, theme), false);
        }
    }

    /** @return a legend entry for series {@code series} of the split (0 the data loss, 1 the penalty), as it is drawn */
    static org.jfree.chart.LegendItem splitItem(String text, int series, org.backproplab.ui.Theme theme) {
        Color c = splitColour(series, theme);
        org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(text, c);
        item.setShapeVisible(false);
        item.setLineVisible(true);
        item.setLine(new java.awt.geom.Line2D.Double(-14, 0, 14, 0));
        item.setLineStroke(splitStroke(series));
        item.setLinePaint(c);
        return item;
    }

    /** Adds {@code m} to the plot's foreground without firing a change per marker. */
    static void addMarker(XYPlot plot, ValueMarker m) {
        plot.addDomainMarker(0, m, Layer.FOREGROUND, false);
    }
}
