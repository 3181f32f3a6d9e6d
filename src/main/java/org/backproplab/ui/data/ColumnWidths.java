package org.backproplab.ui.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Widths of the data table's columns, measured from the texts each must show (its header and its values) in
 * the table's font at the window's zoom, so that no number is cut to "…" (at 1024×768 the fixed widths used
 * before cut the loss column). The columns share the table's spare width evenly; when they need more than the
 * table has, the table scrolls sideways instead of cutting numbers.
 */
final class ColumnWidths {
    /**
     * What a column must fit, kept as the column's user data: texts asked for anew at every fit, or, for the data
     * set's own values, only when the data set may have changed (a fit that is not {@code growOnly}).
     */
    static final class Fit {
        private final Supplier<List<String>> texts;
        private final boolean bold;
        /** True if the texts are the data set's (inputs, targets, labels): training does not change them. */
        private final boolean ofData;
        /** The width the texts needed so far (the column's width before the last column's share of spare room). */
        private double natural;

        /** A column whose texts change while training runs (predictions, losses). */
        Fit(Supplier<List<String>> texts, boolean bold) {
            this(texts, bold, false);
        }

        /**
         * @param ofData true for a column of the data set's values: measured again only by a fit that is not
         *               {@code growOnly} (the data set, the columns or the zoom changed), not every time values
         *               change while training runs (measuring the digits' 64 input columns took 40 % of the
         *               window's thread while training ran)
         */
        Fit(Supplier<List<String>> texts, boolean bold, boolean ofData) {
            this.texts = texts;
            this.bold = bold;
            this.ofData = ofData;
        }
    }

    /** The text node every width is measured with (FX thread only): one node, not one per text measured. */
    private static final Text MEASURE = new Text();
    /** Left and right padding of a cell (data-table.css: 6 and 10 px) plus the grid line. */
    static final double PADDING = 18;
    /** Room for the table's border and a vertical scroll bar, in fonts (the scroll bar grows with the zoom). */
    private static final double TABLE_CHROME = 1.9;

    private ColumnWidths() {
    }

    /**
     * Sets every visible column's preferred width to fit its header and the texts of its {@link Fit}, and shares
     * the spare width of the table out evenly among them.
     *
     * @param fontPx   the table's font size (the root font at the window's zoom)
     * @param growOnly true while values change (training runs): columns only widen, so borders do not jitter
     */
    static void fit(TableView<?> table, double fontPx, boolean growOnly) {
        Font plain = Font.font("DejaVu Sans", fontPx);
        Font bold = Font.font("DejaVu Sans", FontWeight.BOLD, fontPx);
        List<? extends TableColumn<?, ?>> columns = table.getColumns().stream().filter(TableColumn::isVisible).toList();
        double[] widths = new double[columns.size()];
        double total = 0;
        for (int i = 0; i < widths.length; i++) {
            TableColumn<?, ?> col = columns.get(i);
            double w;
            if (col.getUserData() instanceof Fit fit && growOnly && fit.ofData && fit.natural > 0) {
                w = fit.natural; // header and values measured when the data set came
            } else if (col.getUserData() instanceof Fit fit) {
                w = header(col, bold, plain, fontPx);
                for (String s : shapes(fit.texts.get())) {
                    w = Math.max(w, width(s, fit.bold ? bold : plain));
                }
                w = Math.ceil(w + PADDING);
                fit.natural = growOnly ? Math.max(fit.natural, w) : w;
                w = fit.natural;
            } else {
                w = Math.ceil(header(col, bold, plain, fontPx) + PADDING);
            }
            widths[i] = w;
            total += w;
        }
        double spare = table.getWidth() - TABLE_CHROME * fontPx - total;
        double share = widths.length > 0 && spare > 0 ? Math.floor(spare / widths.length) : 0;
        // each width set once, to its final value: an unchanged width then changes nothing (a width set to its
        // natural size and then widened by its share laid the whole table out again at every refresh)
        for (int i = 0; i < widths.length; i++) {
            columns.get(i).setPrefWidth(widths[i] + share);
        }
    }

    /**
     * @return one text of each shape among {@code texts}: the digits (equally wide in the table's font) replaced by
     *         0, so "0.1234" and "0.9876" are measured once, as "0.0000" (measuring every text of the ŷ and loss
     *         columns at every refresh took most of the table's time while training ran)
     */
    static Set<String> shapes(List<String> texts) {
        Set<String> shapes = new HashSet<>();
        for (String s : texts) {
            if (s != null) {
                char[] c = s.toCharArray();
                for (int i = 0; i < c.length; i++) {
                    c[i] = c[i] >= '1' && c[i] <= '9' ? '0' : c[i];
                }
                shapes.add(new String(c));
            }
        }
        return shapes;
    }

    /**
     * @return how wide the column's header is: its title, and a button beside it (a {@link Labeled} graphic: its
     *         text and about 1.5 fonts of padding and gap)
     */
    private static double header(TableColumn<?, ?> col, Font bold, Font plain, double fontPx) {
        double w = width(col.getText(), bold);
        if (col.getGraphic() instanceof Labeled button) {
            w += width(button.getText(), plain) + 1.5 * fontPx;
        }
        return w;
    }

    private static double width(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
