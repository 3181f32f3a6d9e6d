package org.backproplab.ui.loss;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Where the chart's vertical markers go and what they say, for a chart of a given width: markers that would be
 * drawn within {@value #MERGE_PX} px of each other (the same iteration, or iterations that close at the chart's
 * scale) become one line with one label, their texts joined by "; "; and labels that would overlap go on separate
 * rows, so no text is ever drawn over another. Only the latest {@value #LABELLED} edit lines and every
 * non-finite loss carry a label; older edits stay as lines.
 */
final class MarkerLayout {
    /** Lines closer than this (in pixels) are drawn as one. */
    static final double MERGE_PX = 6;
    /** How many of the latest edit lines carry a label. */
    static final int LABELLED = 3;
    /** Space between a label and the next one on the same row, in pixels. */
    static final double LABEL_GAP = 8;

    /** What a marker stands for. */
    enum Kind {
        /** Something changed by hand (a weight, η, the loss function ...). */
        EDIT,
        /** The loss was infinite here: the run diverged. */
        NON_FINITE
    }

    /** A marker to draw: something that happened after {@code iteration} updates. */
    record Mark(long iteration, String text, Kind kind) {
    }

    /**
     * One line on the chart.
     *
     * @param iteration where the line is (the first of the markers it stands for)
     * @param label     the joined texts, or null for a line without a label
     * @param kind      {@link Kind#NON_FINITE} if any of its markers is
     * @param row       the label's row from the top (0 is the first)
     * @param left      true if the label is drawn left of the line (it would not fit on its right)
     */
    record Placed(long iteration, String label, Kind kind, int row, boolean left) {
    }

    private MarkerLayout() {
    }

    /**
     * @param marks     the markers, in any order
     * @param lower     the iteration at the left edge of the plot
     * @param upper     the iteration at the right edge of the plot
     * @param width     the plot's width in pixels
     * @param textWidth the width of a label in pixels
     * @return the lines in iteration order
     */
    static List<Placed> place(List<Mark> marks, double lower, double upper, double width,
                              ToDoubleFunction<String> textWidth) {
        double scale = upper > lower && width > 0 ? width / (upper - lower) : 0;
        return place(marks, lower, upper, width, textWidth, it -> (it - lower) * scale);
    }

    /**
     * {@link #place(List, double, double, double, ToDoubleFunction)} on an axis that maps an iteration to a pixel
     * by {@code px} (a logarithmic one).
     *
     * @param px the pixel, from the plot's left edge, of an iteration inside {@code [lower, upper]}
     */
    static List<Placed> place(List<Mark> marks, double lower, double upper, double width,
                              ToDoubleFunction<String> textWidth, java.util.function.LongToDoubleFunction px) {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingLong(Mark::iteration));
        List<List<Mark>> groups = new ArrayList<>();
        for (Mark m : sorted) {
            List<Mark> g = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (g != null && inside(m.iteration(), lower, upper) == inside(g.get(0).iteration(), lower, upper)
                    && (!inside(m.iteration(), lower, upper)
                    || px.applyAsDouble(m.iteration()) - px.applyAsDouble(g.get(0).iteration()) < MERGE_PX)) {
                g.add(m);
            } else {
                groups.add(new ArrayList<>(List.of(m)));
            }
        }
        boolean[] labelled = chooseLabelled(groups, lower, upper);
        List<Double> rowEnds = new ArrayList<>();
        List<Placed> out = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            List<Mark> g = groups.get(k);
            long at = g.get(0).iteration();
            Kind kind = g.stream().anyMatch(m -> m.kind() == Kind.NON_FINITE) ? Kind.NON_FINITE : Kind.EDIT;
            if (!labelled[k]) {
                out.add(new Placed(at, null, kind, 0, false));
                continue;
            }
            String label = join(g);
            double x = px.applyAsDouble(at);
            double w = textWidth.applyAsDouble(label) + LABEL_GAP;
            boolean left = x + w > width && x - w >= 0;
            double from = left ? x - w : x;
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > from) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(0.0);
            }
            rowEnds.set(row, left ? x : x + w);
            out.add(new Placed(at, label, kind, row, left));
        }
        return out;
    }

    private static boolean inside(long iteration, double lower, double upper) {
        return iteration >= lower && iteration <= upper;
    }

    /** Every non-finite line and the latest {@value #LABELLED} edit lines within the visible range. */
    private static boolean[] chooseLabelled(List<List<Mark>> groups, double lower, double upper) {
        boolean[] labelled = new boolean[groups.size()];
        int edits = 0;
        for (int k = groups.size() - 1; k >= 0; k--) {
            List<Mark> g = groups.get(k);
            long at = g.get(0).iteration();
            if (at < lower || at > upper) {
                continue;
            }
            if (g.stream().anyMatch(m -> m.kind() == Kind.NON_FINITE)) {
                labelled[k] = true;
            } else if (edits < LABELLED) {
                labelled[k] = true;
                edits++;
            }
        }
        return labelled;
    }

    /** The distinct texts of a group in order, joined by "; ". */
    private static String join(List<Mark> g) {
        Set<String> texts = new LinkedHashSet<>();
        for (Mark m : g) {
            texts.add(m.text());
        }
        return String.join("; ", texts);
    }
}
