package org.backproplab.ui.graph;

/**
 * Where the columns, neurons and bias nodes of a network go in a {@code width × height} area: one column
 * per layer, evenly spaced; neurons evenly spaced and centred in their column; the {@code +1} node of
 * layer {@code l}'s biases at the bottom of column {@code l − 1}. Margins leave room for the caption and
 * headers (top), the legend (bottom) and the input and output values (left and right).
 */
final class GraphLayout {
    final double font;
    final double[] columnX;
    final double[][] neuronY;
    /** y of the bias node of layer l (index l, 1..L) in column l−1, NaN if layer l has no bias. */
    final double[] biasY;
    final double r;
    final double spacing;
    final double headerY;
    final double top;
    final double bottom;
    /** The least room per neuron, in fonts, before the legend gives up its space. */
    static final double MIN_SLOT = 2.6;
    /**
     * Rows of the legend at the bottom (1, or 2 when one row would not fit the width; 0 when the graph is too
     * short for the neurons and a legend).
     */
    final int legendRows;
    /** y where the legend's space starts: nothing else is placed below it. */
    final double legendTop;
    /** The distance from one line of the caption's note to the next, in fonts. */
    static final double NOTE_LINE = 1.15;
    /** Height of the strip kept for the "+k more" note, in fonts. */
    static final double NOTE_HEIGHT = 1.8;
    /** y where the strip of the "+k more" note starts, NaN when the layout keeps none. */
    final double noteTop;
    /** y below which no label goes: the note's strip, or the legend. */
    final double reservedTop;

    /**
     * @param sizes neurons per layer, index 0 the inputs
     * @param bias  index l (1..L): true if layer l has biases (index 0 unused)
     */
    GraphLayout(int[] sizes, boolean[] bias, double width, double height) {
        this(sizes, bias, width, height, 1, 1);
    }

    /**
     * @param zoom       the window's zoom (1 = 100 %): the font, and every size measured in it, scale with it
     * @param legendRows rows the legend needs at this width (see {@link LegendPainter#rows}); none if the graph is
     *                   too short for them
     */
    GraphLayout(int[] sizes, boolean[] bias, double width, double height, double zoom, int legendRows) {
        this(sizes, bias, width, height, zoom, legendRows, 0, false, 1);
    }

    /**
     * @param lectureFont the text size of lecture mode in px (then the margins are measured in it and the
     *                    neurons are larger), or 0 for the window's own size
     * @param noteStrip   true to keep a strip above the legend free for the "+k more" note
     *                    ({@link NetworkView}'s {@code #hiddenNumbersNote})
     * @param captionNoteLines how many lines the note under the caption takes (1, or 2 in lecture mode's narrow
     *                    graph); the column headers and the neurons move down by a line for the second
     */
    GraphLayout(int[] sizes, boolean[] bias, double width, double height, double zoom, int legendRows,
                double lectureFont, boolean noteStrip, int captionNoteLines) {
        int depth = sizes.length - 1;
        boolean lecture = lectureFont > 0;
        font = lecture ? lectureFont : fontSize(width, height, zoom);
        // lecture mode's large type leaves little room between the columns: the inputs' and outputs' values go
        // below or above their neuron when the margin is too narrow for them
        double left = lecture ? Math.max(4 * font, 0.04 * width) : Math.max(6.5 * font, 0.06 * width);
        double right = width - (lecture ? Math.max(4.5 * font, 0.05 * width) : Math.max(9.5 * font, 0.08 * width));
        headerY = (3.75 + NOTE_LINE * (Math.max(1, captionNoteLines) - 1)) * font + 6;
        top = headerY + 2.6 * font;
        int maxSlots = 1;
        for (int c = 0; c <= depth; c++) {
            maxSlots = Math.max(maxSlots, slots(sizes, bias, c));
        }
        double note = noteStrip ? NOTE_HEIGHT * font : 0;
        // a short graph (a small window at a large zoom) keeps its neurons apart and drops the legend instead
        if (height - note - LegendPainter.height(legendRows) * font + 0.5 * font - top < maxSlots * MIN_SLOT * font) {
            legendRows = 0;
        }
        this.legendRows = legendRows;
        legendTop = legendRows == 0 ? height : height - LegendPainter.height(legendRows) * font;
        noteTop = noteStrip ? legendTop - note : Double.NaN;
        reservedTop = noteStrip ? noteTop : legendTop;
        bottom = reservedTop + 0.5 * font;
        double avail = Math.max(40, bottom - top);
        double colGap = depth == 0 ? right - left : (right - left) / depth;
        spacing = Math.min(avail / maxSlots, 8 * font);
        r = lecture ? Math.max(9, Math.min(Math.min(spacing * 0.32, 2.2 * font), colGap * 0.2))
                : Math.max(9, Math.min(Math.min(spacing * 0.3, 2.1 * font), colGap * 0.14));
        double centre = (top + bottom) / 2;
        columnX = new double[depth + 1];
        neuronY = new double[depth + 1][];
        biasY = new double[depth + 1];
        biasY[0] = Double.NaN;
        for (int c = 0; c <= depth; c++) {
            columnX[c] = depth == 0 ? (left + right) / 2 : left + c * colGap;
            int slots = slots(sizes, bias, c);
            double first = centre - (slots - 1) * spacing / 2;
            neuronY[c] = new double[sizes[c]];
            for (int i = 0; i < sizes[c]; i++) {
                neuronY[c][i] = first + i * spacing;
            }
            if (c < depth) {
                biasY[c + 1] = bias[c + 1] ? first + sizes[c] * spacing : Double.NaN;
            }
        }
    }

    /** @return the graph's base font size for an area of {@code width × height} at {@code zoom} */
    static double fontSize(double width, double height, double zoom) {
        return zoom * Math.max(13, Math.min(17, 13 * Math.min(width / zoom / 950, height / zoom / 600)));
    }

    private static int slots(int[] sizes, boolean[] bias, int c) {
        return sizes[c] + (c + 1 < sizes.length && bias[c + 1] ? 1 : 0);
    }
}
