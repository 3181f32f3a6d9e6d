package org.backproplab.ui.data;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Widths of the data table's columns, measured from the texts each must show (its header, its widest value, or a
 * template for values that change while training runs) in the table's font at the window's zoom, so that no
 * number is cut to "…" (at 1024×768 the fixed widths used before cut the loss column).
 */
final class ColumnWidths {
    /** What a column must fit, kept as the column's user data: texts asked for anew at every fit. */
    record Fit(Supplier<List<String>> texts, boolean bold) {
        static Fit of(String text, boolean bold) {
            return new Fit(() -> List.of(text), bold);
        }
    }

    /** Left and right padding of a cell (data-table.css) plus the grid lines. */
    static final double PADDING = 22;
    /** The widest value a prediction column shows: four significant digits, a sign. */
    static final String PREDICTION = "−0.0008888";
    /** The widest value a loss column shows. */
    static final String LOSS = "8.888e−08";

    private ColumnWidths() {
    }

    /**
     * Sets every column's preferred width to fit its header and the texts of its {@link Fit}.
     *
     * @param fontPx the table's font size (the root font at the window's zoom)
     */
    static void fit(TableView<?> table, double fontPx) {
        Font plain = Font.font("DejaVu Sans", fontPx);
        Font bold = Font.font("DejaVu Sans", FontWeight.BOLD, fontPx);
        for (TableColumn<?, ?> col : table.getColumns()) {
            double w = width(col.getText(), bold);
            if (col.getUserData() instanceof Fit fit) {
                for (String s : fit.texts().get()) {
                    w = Math.max(w, width(s, fit.bold() ? bold : plain));
                }
            }
            col.setPrefWidth(Math.ceil(w + PADDING));
        }
    }

    private static double width(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
