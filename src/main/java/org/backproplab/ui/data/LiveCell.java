package org.backproplab.ui.data;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/**
 * A cell of a column that training changes while it runs (ŷ, the predicted class, the loss): the cell's item is the
 * row's property itself, which stays the same, and the cell follows the property's value on its own. A table cell
 * whose item's value changes lays out its row again, and the table then rebuilds and styles every row in view; this
 * cell shows the new text with {@link #showText}, which lays out only the cell.
 */
final class LiveCell extends TextCell<ObservableValue<?>> {
    private final Function<Object, String> text;
    private final BooleanSupplier hidden;
    private final InvalidationListener changed = o -> refresh();
    private final WeakInvalidationListener weakChanged = new WeakInvalidationListener(changed);
    /** The property followed, or null. */
    private ObservableValue<?> followed;

    /**
     * @param text   the text of a value
     * @param hidden true while the value must read "?" (an open exercise asks for it)
     */
    private LiveCell(Function<Object, String> text, BooleanSupplier hidden, String styleClass) {
        this.text = text;
        this.hidden = hidden;
        getStyleClass().add(styleClass);
    }

    /**
     * Makes {@code column} show {@code property} of each row in live cells.
     *
     * @param text       the text of a value
     * @param hidden     true while the column's values must read "?"
     * @param styleClass the cells' style class
     */
    static void follow(TableColumn<SampleRow, ObservableValue<?>> column, Function<SampleRow, ObservableValue<?>> property,
                       Function<Object, String> text, BooleanSupplier hidden, String styleClass) {
        column.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(property.apply(v.getValue())));
        Callback<TableColumn<SampleRow, ObservableValue<?>>, TableCell<SampleRow, ObservableValue<?>>> cells =
                c -> new LiveCell(text, hidden, styleClass);
        column.setCellFactory(cells);
        column.setEditable(false);
    }

    @Override
    protected void updateItem(ObservableValue<?> item, boolean empty) {
        super.updateItem(item, empty);
        ObservableValue<?> now = empty ? null : item;
        if (now != followed) {
            if (followed != null) {
                followed.removeListener(weakChanged);
            }
            followed = now;
            if (now != null) {
                now.addListener(weakChanged);
            }
        }
        refresh();
    }

    private void refresh() {
        if (followed == null) {
            showText(null);
            return;
        }
        Object value = followed.getValue(); // read even while hidden: a property tells its next change only once read
        showText(hidden.getAsBoolean() ? "?" : text.apply(value));
    }
}
