package org.backproplab.ui.graph;

import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.text.NumberText;

/**
 * The small editor that opens next to a clicked weight or bias: the current value selected, Enter commits,
 * Esc cancels, and text that is not a number gets a red border and a message naming it, the
 * parameter and what is allowed ("'abc' in W1[2,3]: expected a number such as 0.5 or -1.2e-3", see
 * {@link NumberText}) while nothing is sent.
 */
public final class EdgeEditor extends VBox {
    private static final String CARD = "-fx-background-color: -bl-surface; -fx-background-radius: 6;"
            + " -fx-border-color: -bl-border; -fx-border-radius: 6; -fx-padding: 6 8 6 8;"
            + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);";
    private static final String FIELD_OK = "-fx-font-size: 15px; -fx-font-family: 'DejaVu Sans';";
    private static final String FIELD_ERROR = FIELD_OK + " -fx-border-color: -bl-error; -fx-border-width: 2;"
            + " -fx-background-color: -bl-error-background; -fx-text-fill: -bl-text;";

    private final Label title = new Label();
    private final TextField field = new TextField();
    private final Label error = new Label();
    private EdgeRef ref;
    private BiConsumer<EdgeRef, Double> onCommit = (r, v) -> { };

    public EdgeEditor() {
        setId("edgeEditor");
        field.setId("edgeEditorField");
        error.setId("edgeEditorError");
        setSpacing(4);
        setStyle(CARD);
        setPadding(new Insets(6, 8, 6, 8));
        title.setStyle("-fx-font-size: 13px; -fx-text-fill: -bl-text; -fx-font-weight: bold;");
        field.setStyle(FIELD_OK);
        field.setPrefColumnCount(9);
        error.setStyle("-fx-font-size: 13px; -fx-text-fill: -bl-error;");
        error.setWrapText(true);
        error.setMaxWidth(260);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        getChildren().addAll(title, field, error);
        setVisible(false);
        setManaged(false);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        field.textProperty().addListener((o, a, b) -> clearError());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && isVisible()) {
                close();
            }
        });
    }

    /** Called with the parameter and the new value when Enter commits a valid number. */
    public void setOnCommit(BiConsumer<EdgeRef, Double> c) {
        onCommit = c;
    }

    /** Opens the editor for {@code r} showing {@code value}, selected and focused. */
    public void open(EdgeRef r, double value) {
        ref = r;
        title.setText((r.isBias() ? "bias " : "weight ") + r.name() + "   Enter ✓  Esc ✗");
        field.setText(NumberText.editable(value));
        clearError();
        setVisible(true);
        fit();
        field.requestFocus();
        field.selectAll();
    }

    /** @return the parameter being edited, or null when closed */
    public EdgeRef editing() {
        return isVisible() ? ref : null;
    }

    /** Closes without sending anything. */
    public void close() {
        setVisible(false);
        ref = null;
    }

    TextField field() {
        return field;
    }

    private void commit() {
        if (ref == null) {
            return;
        }
        try {
            double v = NumberText.parse(field.getText(), ref.name());
            EdgeRef r = ref;
            close();
            onCommit.accept(r, v);
        } catch (IllegalArgumentException ex) {
            error.setText(ex.getMessage());
            error.setVisible(true);
            field.setStyle(FIELD_ERROR);
            fit();
        }
    }

    private void clearError() {
        boolean had = error.isVisible();
        error.setVisible(false);
        error.setText("");
        field.setStyle(FIELD_OK);
        if (had) {
            fit();
        }
    }

    /** Resizes to the preferred size (the editor is not managed by its parent's layout). */
    private void fit() {
        applyCss();
        double w = prefWidth(-1);
        resize(w, prefHeight(w));
        layout();
    }
}
