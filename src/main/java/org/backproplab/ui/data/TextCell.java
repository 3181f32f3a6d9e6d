package org.backproplab.ui.data;

import javafx.scene.control.TableCell;

/**
 * A cell of the data table whose text is replaced in place: ŷ, the predicted class and the loss while training runs
 * ({@link LiveCell}), and the inputs and targets ({@link NumberCell}). A text that replaces another lays out only
 * this cell. A label asks its parents for a layout whenever its text
 * changes; the table then finds a row "needing layout" and rebuilds every row in view, each styled again from
 * scratch (on digits, at every refresh while training ran, that was the longest part of the window's frame). The
 * row's height and the column's width do not depend on the text (one line; widths come from {@link ColumnWidths},
 * which widens a column at the same refresh when a text needs it), so nothing above the cell has to move.
 *
 * @param <T> the type of the column's values
 */
abstract class TextCell<T> extends TableCell<SampleRow, T> {
    /** True while a text replaces another, and while the cell lays it out: a layout asked for stays with the cell. */
    private boolean textOnly;

    /**
     * Shows {@code text}: if the cell shows a text already, and no graphic, only this cell is laid out again, at
     * once (its parents are not told, so a layout pass would not come to it on its own).
     */
    protected final void showText(String text) {
        boolean quiet = text != null && getText() != null && getGraphic() == null;
        textOnly = quiet;
        try {
            setText(text);
            if (quiet && isNeedsLayout()) {
                layout(); // the text placed anew in the cell: that too stays with the cell
            }
        } finally {
            textOnly = false;
        }
    }

    @Override
    public void requestLayout() {
        if (textOnly) {
            setNeedsLayout(true); // laid out by showText, right after the text is set
        } else {
            super.requestLayout();
        }
    }
}
