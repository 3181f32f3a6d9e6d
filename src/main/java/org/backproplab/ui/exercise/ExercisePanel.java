package org.backproplab.ui.exercise;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.engine.exercise.Question;
import org.backproplab.engine.exercise.Scope;

/**
 * The exercise panel ({@code #exercisePanel}), shown in place of the derivation while Check my working or Predict,
 * then reveal is on. Check my working: one answer field per hidden number ({@code #answer-<symbol>}, Enter grades
 * it), its ✓ or ✗, a Solution button, the grade ({@code #gradeLabel}), the hint ({@code #hintLabel}) and the score
 * ({@code #scoreLabel}). Predict, then reveal ({@code #predictionPanel}): the question, one button per choice, the
 * teacher's show of hands, the answer revealed and the tally. Everything is reachable with Tab and has an accessible
 * text; right and wrong are written ✓ and ✗, never shown by colour alone.
 */
public final class ExercisePanel extends ScrollPane {
    private static final PseudoClass RIGHT = PseudoClass.getPseudoClass("right");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");

    private final ExerciseViewModel exercise;
    private final PredictionViewModel prediction;
    private final VBox answers = new VBox(6);
    private final VBox choices = new VBox(4);
    private final List<TextField> handFields = new ArrayList<>();

    public ExercisePanel(ExerciseViewModel exercise, PredictionViewModel prediction) {
        this.exercise = exercise;
        this.prediction = prediction;
        setId("exercisePanel");
        getStyleClass().add("exercise-panel");
        getStylesheets().add(ExercisePanel.class.getResource("exercise.css").toExternalForm());
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinHeight(0);
        VBox content = new VBox(10, checkSection(), predictionSection());
        content.setPadding(new Insets(6, 8, 6, 8));
        setContent(content);
    }

    /** Puts {@code n} (the results' name prompt, one line) at the top of the panel, where it is seen. */
    void showAbove(Node n) {
        ((VBox) getContent()).getChildren().add(0, n);
    }

    private Node checkSection() {
        Label title = styled(new Label("Check my working"), "panel-title");
        Label what = wrapped(styled(new Label(), "exercise-title"), "exerciseTitle");
        what.textProperty().bind(exercise.titleProperty());
        ChoiceBox<Scope> scope = new ChoiceBox<>();
        scope.getItems().setAll(Scope.values());
        scope.valueProperty().bindBidirectional(exercise.scopeProperty());
        scope.setId("exerciseScope");
        scope.setAccessibleText("Which numbers to work out: the selected neuron's, its layer's or the whole phase's");
        CheckBox carry = new CheckBox("Carry my value");
        carry.setId("carryToggle");
        carry.selectedProperty().bindBidirectional(exercise.carryProperty());
        carry.setAccessibleHelp("On: later numbers are checked against your own earlier answers. "
                + "Off: against the engine's numbers.");
        FlowPane settings = new FlowPane(10, 4, new Label("Ask for:"), scope, carry);
        settings.setAlignment(Pos.CENTER_LEFT);
        Label grade = wrapped(styled(new Label(), "grade"), "gradeLabel");
        grade.textProperty().bind(exercise.gradeProperty());
        grade.accessibleTextProperty().bind(exercise.gradeProperty());
        exercise.gradeProperty().addListener((o, was, is) -> {
            grade.pseudoClassStateChanged(RIGHT, is.startsWith("✓") || is.contains(": ✓"));
            grade.pseudoClassStateChanged(WRONG, is.contains("✗"));
        });
        Label hint = wrapped(styled(new Label(), "hint"), "hintLabel");
        hint.textProperty().bind(exercise.hintProperty());
        hint.accessibleTextProperty().bind(exercise.hintProperty());
        Label score = wrapped(styled(new Label(), "score"), "scoreLabel");
        score.textProperty().bind(exercise.scoreProperty());
        Label solution = wrapped(styled(new Label(), "solution"), "solutionText");
        solution.textProperty().bind(exercise.solutionProperty());
        solution.visibleProperty().bind(exercise.solutionProperty().isNotEmpty());
        solution.managedProperty().bind(solution.visibleProperty());
        exercise.rows().addListener((javafx.collections.ListChangeListener<AnswerRow>) c -> showRows());
        showRows();
        // the verdict and the hint first: at 1024×768 the panel is short, and they are what the student reads next
        HBox head = new HBox(12, title, score);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(6, head, what, grade, hint, answers, solution, settings);
        box.setId("exerciseSection");
        box.visibleProperty().bind(exercise.onProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void showRows() {
        List<Node> nodes = new ArrayList<>();
        boolean focus = false;
        for (AnswerRow row : exercise.rows()) {
            nodes.add(rowNode(row));
            focus = true;
        }
        answers.getChildren().setAll(nodes);
        if (focus && getScene() != null && exercise.onProperty().get()) {
            // the first field takes the keys at once (Esc gives them back to the window's shortcuts)
            javafx.application.Platform.runLater(() -> {
                Node first = answers.lookup(".answer-field");
                if (first != null && first.getScene() != null) {
                    first.requestFocus();
                }
            });
        }
    }

    private Node rowNode(AnswerRow row) {
        Label name = styled(new Label(row.label()), "answer-label");
        name.setMinWidth(Region.USE_PREF_SIZE);
        TextField field = new TextField(row.textProperty().get());
        field.setId("answer-" + row.symbol());
        field.getStyleClass().add("answer-field");
        field.setPrefColumnCount(8);
        field.setAccessibleText("Your value of " + row.label() + ". Enter checks it.");
        // a screen reader reads the last grade with the field, then what it is computed from
        field.accessibleHelpProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            org.backproplab.engine.exercise.Grade g = row.gradeProperty().get();
            return (g == null ? "" : g.verdict() + " ") + row.givensProperty().get();
        }, row.gradeProperty(), row.givensProperty()));
        name.setLabelFor(field);
        Label mark = styled(new Label(), "mark");
        mark.setId("mark-" + row.symbol());
        mark.setMinWidth(Region.USE_PREF_SIZE);
        mark.textProperty().bind(row.markProperty());
        row.markProperty().addListener((o, was, is) -> {
            mark.pseudoClassStateChanged(RIGHT, "✓".equals(is));
            mark.pseudoClassStateChanged(WRONG, "✗".equals(is));
            mark.setAccessibleText(is.isEmpty() ? "" : "✓".equals(is) ? "right" : "wrong");
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                exercise.answer(row, field.getText());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                // the keys go back to the window, but an answer is not an edit to cancel: it stays as typed
                e.consume();
            }
        });
        Button solve = new Button("Solution");
        solve.setId("solution-" + row.symbol());
        solve.setAccessibleText("Worked solution of " + row.label());
        solve.setOnAction(e -> exercise.showSolution(row));
        solve.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(6, name, field, mark, solve);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.SOMETIMES);
        Label givens = wrapped(styled(new Label(), "givens"), null);
        givens.textProperty().bind(row.givensProperty());
        givens.setFocusTraversable(false);
        return new VBox(2, line, givens);
    }

    private Node predictionSection() {
        Label title = styled(new Label("Predict, then reveal"), "panel-title");
        Label question = wrapped(styled(new Label(), "question"), "predictionQuestion");
        Label status = wrapped(styled(new Label(), "status"), "predictionStatus");
        status.textProperty().bind(prediction.statusProperty());
        status.accessibleTextProperty().bind(prediction.statusProperty());
        Label reveal = wrapped(styled(new Label(), "hint"), "revealLabel");
        reveal.textProperty().bind(prediction.revealProperty());
        reveal.accessibleTextProperty().bind(prediction.revealProperty());
        Label tally = wrapped(styled(new Label(), "score"), "tallyLabel");
        tally.textProperty().bind(prediction.tallyProperty());
        FlowPane hands = new FlowPane(6, 4);
        hands.setId("handsRow");
        prediction.questionProperty().addListener((o, was, q) -> showQuestion(q, question, hands));
        showQuestion(prediction.questionProperty().get(), question, hands);
        VBox box = new VBox(6, title, question, choices, hands, status, reveal, tally);
        box.setId("predictionPanel");
        box.setAccessibleRole(AccessibleRole.NODE);
        box.setAccessibleText("Predict, then reveal");
        box.visibleProperty().bind(prediction.onProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void showQuestion(Question q, Label question, FlowPane hands) {
        question.setText(q == null ? "" : q.text());
        question.setAccessibleText(q == null ? "" : "Question: " + q.text());
        List<Node> buttons = new ArrayList<>();
        List<Node> handNodes = new ArrayList<>();
        handFields.clear();
        if (q != null) {
            for (int i = 0; i < q.choices().size(); i++) {
                int choice = i;
                Button b = new Button((i + 1) + ". " + q.choices().get(i));
                b.setId("prediction-choice-" + i);
                b.setAccessibleText("Predict: " + q.choices().get(i));
                b.setOnAction(e -> prediction.choose(choice));
                b.setMaxWidth(Double.MAX_VALUE);
                buttons.add(b);
                TextField count = new TextField();
                count.setId("hands-" + i);
                count.setPrefColumnCount(3);
                count.setAccessibleText("Show of hands for " + q.choices().get(i));
                count.setPromptText("#");
                handFields.add(count);
                Label l = new Label(q.choices().get(i) + ":");
                l.setLabelFor(count);
                handNodes.add(new HBox(3, l, count));
            }
            Button enter = new Button("Enter hands");
            enter.setId("handsButton");
            enter.setAccessibleText("Enter the show of hands of the class");
            enter.setOnAction(e -> enterHands());
            handNodes.add(0, new Label("Class:"));
            handNodes.add(enter);
        }
        choices.getChildren().setAll(buttons);
        hands.getChildren().setAll(handNodes);
    }

    private void enterHands() {
        String[] text = handFields.stream().map(TextField::getText).toArray(String[]::new);
        try {
            prediction.hands(text);
        } catch (IllegalArgumentException e) {
            // the status line says which count was refused
            prediction.refuse(e.getMessage());
        }
    }

    private static Label styled(Label l, String style) {
        l.getStyleClass().add(style);
        return l;
    }

    private static Label wrapped(Label l, String id) {
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMinWidth(0);
        return l;
    }
}
