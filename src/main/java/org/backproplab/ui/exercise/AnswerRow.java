package org.backproplab.ui.exercise;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.backproplab.engine.exercise.Grade;
import org.backproplab.engine.exercise.Quantity;

/**
 * One number of an open exercise: what is asked ({@code δ h1}), the id of its answer field
 * ({@code answer-delta-h1}), the numbers it is computed from, what the student typed and the last grade.
 */
public final class AnswerRow {
    private final Quantity quantity;
    private final String symbol;
    private final String label;
    private final ReadOnlyStringWrapper givens = new ReadOnlyStringWrapper(this, "givens", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper mark = new ReadOnlyStringWrapper(this, "mark", "");
    private final ReadOnlyObjectWrapper<Grade> grade = new ReadOnlyObjectWrapper<>(this, "grade");

    AnswerRow(Quantity quantity, String symbol, String label, String givens) {
        this.quantity = quantity;
        this.symbol = symbol;
        this.label = label;
        this.givens.set(givens);
    }

    public Quantity quantity() {
        return quantity;
    }

    /** @return the answer field's symbol, e.g. {@code delta-h1} (its id is {@code answer-delta-h1}) */
    public String symbol() {
        return symbol;
    }

    /** @return what is asked, as people read it, e.g. {@code δ h1} */
    public String label() {
        return label;
    }

    /** @return the numbers it is computed from that the graph may not show, e.g. "w before = 0.15" */
    public ReadOnlyStringProperty givensProperty() {
        return givens.getReadOnlyProperty();
    }

    void setGivens(String text) {
        givens.set(text);
    }

    /** @return what the student typed */
    public StringProperty textProperty() {
        return text;
    }

    /** @return "✓", "✗" or "" (not graded yet): a sign, never a colour alone */
    public ReadOnlyStringProperty markProperty() {
        return mark.getReadOnlyProperty();
    }

    /** @return the last grade of this number, or null */
    public ReadOnlyObjectProperty<Grade> gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    void graded(Grade g) {
        grade.set(g);
        mark.set(g == null ? "" : g.right() ? "✓" : "✗");
    }
}
