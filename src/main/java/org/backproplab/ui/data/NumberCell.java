package org.backproplab.ui.data;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.backproplab.text.NumberText;

/**
 * A table cell for a number, editable in place when {@code commit} is given: double-click, Enter or F2
 * opens a field with the value selected; Enter commits (the field stays open and turns red if the text is
 * refused; the view model says why), Esc or leaving the cell cancels (and {@code onCancel} runs: the view
 * model forgets why the text was refused).
 */
final class NumberCell extends TextCell<Number> {
    /** Sends typed text for a row; returns false if it was refused. */
    interface Commit {
        boolean apply(int row, String text);
    }

    private final Commit commit;
    private final Runnable onCancel;
    private TextField field;

    NumberCell(Commit commit, Runnable onCancel, String... styleClasses) {
        this.commit = commit;
        this.onCancel = onCancel;
        getStyleClass().addAll(styleClasses);
        setEditable(commit != null);
    }

    @Override
    protected void updateItem(Number item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
        } else if (!isEditing()) {
            setGraphic(null);
            showText(NumberText.format(item.doubleValue()));
        }
    }

    @Override
    public void startEdit() {
        if (commit == null || isEmpty() || getItem() == null) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        if (field == null) {
            field = new TextField();
            field.getStyleClass().add("cell-editor");
            field.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume();
                    submit();
                } else if (e.getCode() == KeyCode.ESCAPE) {
                    e.consume();
                    cancelByUser();
                }
            });
            field.focusedProperty().addListener((o, was, is) -> {
                if (!is && isEditing()) {
                    cancelByUser();
                }
            });
        }
        field.getStyleClass().remove("invalid");
        field.setText(NumberText.editable(getItem().doubleValue()));
        setText(null);
        setGraphic(field);
        field.selectAll();
        field.requestFocus();
    }

    private void submit() {
        if (commit.apply(getIndex(), field.getText())) {
            field.getStyleClass().remove("invalid");
            cancelEdit();
            if (getTableView() != null) {
                getTableView().requestFocus();
            }
        } else if (!field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        }
    }

    private void cancelByUser() {
        cancelEdit();
        if (onCancel != null) {
            onCancel.run();
        }
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        setGraphic(null);
        setText(getItem() == null ? null : NumberText.format(getItem().doubleValue()));
    }
}
