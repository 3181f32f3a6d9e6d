package org.backproplab.ui.exercise;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The results of a session on screen: the name prompt in the exercise panel ({@code #studentNamePrompt},
 * field {@code #studentNameField}), shown once the first task is recorded; the Exercises menu's items Student name…
 * ({@code #studentNameItem}), Save results… ({@code #saveResultsItem}), Results folder… ({@code #resultsFolderItem})
 * and Stop saving to the folder ({@code #resultsFolderOffItem}); and the question before the window closes over
 * results not saved. The dialogs are fields, so that tests can answer them.
 */
public final class ResultsView {
    static final ButtonType SAVE = new ButtonType("Save results…", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final ResultsLog log;
    /** Asks where to save the results, offering the name given (tests answer it). */
    BiFunction<Window, String, Optional<Path>> saveChooser = ResultsView::chooseFile;
    /** Asks for the results folder, starting at the one given or null (tests answer it). */
    BiFunction<Window, Path, Optional<Path>> folderChooser = ResultsView::chooseFolder;
    /** Asks for the student's name, offering the one given (tests answer it). */
    BiFunction<Window, String, Optional<String>> nameDialog = ResultsView::askName;
    /** Asks Save / Don't save / Cancel before closing over {@code n} tasks not saved (tests answer it). */
    BiFunction<Window, Integer, ButtonType> unsavedPrompt = ResultsView::askUnsaved;
    private final Supplier<Window> owner;

    /** @param owner the window of the dialogs, or null */
    ResultsView(ResultsLog log, Supplier<Window> owner) {
        this.log = log;
        this.owner = owner;
    }

    /** @return the name prompt, shown while the log asks for the name */
    Node namePrompt() {
        Label ask = new Label("Your name:");
        ask.setMinWidth(Label.USE_PREF_SIZE);
        TextField field = new TextField();
        field.setId("studentNameField");
        field.setPrefColumnCount(10);
        field.setAccessibleText("Your name, written into your results file. Enter keeps it.");
        field.setPromptText("for your results");
        ask.setLabelFor(field);
        Button ok = new Button("OK");
        ok.setId("studentNameOk");
        ok.setMinWidth(Button.USE_PREF_SIZE);
        Label problem = new Label();
        problem.setId("studentNameProblem");
        problem.setWrapText(true);
        problem.accessibleTextProperty().bind(problem.textProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Runnable confirm = () -> {
            try {
                log.setStudent(field.getText());
                problem.setText("");
            } catch (IllegalArgumentException e) {
                problem.setText("✗ " + e.getMessage());
            }
        };
        field.setOnAction(e -> confirm.run());
        ok.setOnAction(e -> confirm.run());
        log.askNameProperty().addListener((o, was, is) -> {
            if (is) {
                field.setText(log.studentProperty().get());
            }
        });
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, ask, field, ok);
        row.setAlignment(Pos.CENTER_LEFT);
        field.setMinWidth(60);
        javafx.scene.layout.HBox.setHgrow(field, javafx.scene.layout.Priority.SOMETIMES);
        VBox box = new VBox(2, row, problem);
        box.setId("studentNamePrompt");
        box.visibleProperty().bind(log.askNameProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** @return Student name…, Save results…, Results folder…, Stop saving to the folder, in menu order */
    List<MenuItem> menuItems() {
        MenuItem name = item("Student name…", "studentNameItem", this::changeName);
        MenuItem save = item("Save results…", "saveResultsItem", () -> save(null));
        MenuItem folder = item("Results folder…", "resultsFolderItem", this::chooseResultsFolder);
        MenuItem off = item("Stop saving to the results folder", "resultsFolderOffItem", () -> log.setFolder(null));
        off.disableProperty().bind(log.folderProperty().isNull());
        return List.of(name, save, folder, off);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    // Commands

    /** Asks where, then saves the results there; runs {@code then} (may be null) once they are written. */
    void save(Runnable then) {
        saveChooser.apply(owner.get(), log.suggestedName()).ifPresent(p -> log.saveTo(p).thenAccept(ok -> {
            if (ok && then != null) {
                then.run();
            }
        }));
    }

    /**
     * Runs {@code proceed} at once if every task is saved, else after Save results (once written) or Don't save;
     * Cancel does nothing.
     */
    public void confirmSaved(Runnable proceed) {
        int n = log.unsavedProperty().get();
        if (n == 0) {
            proceed.run();
            return;
        }
        ButtonType choice = unsavedPrompt.apply(owner.get(), n);
        if (choice == DONT_SAVE) {
            proceed.run();
        } else if (choice == SAVE) {
            save(proceed);
        }
    }

    /** @return true if some results are not written to any file */
    public boolean hasUnsaved() {
        return log.unsavedProperty().get() > 0;
    }

    private void changeName() {
        nameDialog.apply(owner.get(), log.studentProperty().get()).ifPresent(n -> {
            try {
                log.setStudent(n);
            } catch (IllegalArgumentException e) {
                Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
                a.initOwner(owner.get());
                a.setHeaderText("That name cannot be used");
                a.show();
            }
        });
    }

    private void chooseResultsFolder() {
        folderChooser.apply(owner.get(), log.folderProperty().get()).ifPresent(log::setFolder);
    }

    private static Optional<Path> chooseFile(Window owner, String suggested) {
        FileChooser c = new FileChooser();
        c.setTitle("Save your results");
        c.setInitialFileName(suggested);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Backprop Lab results (*"
                + org.backproplab.io.ResultsFile.EXTENSION + ")", "*" + org.backproplab.io.ResultsFile.EXTENSION));
        return Optional.ofNullable(c.showSaveDialog(owner)).map(f -> {
            Path p = f.toPath();
            String n = p.getFileName().toString();
            return n.endsWith(".json") ? p : p.resolveSibling(n + org.backproplab.io.ResultsFile.EXTENSION);
        });
    }

    private static Optional<Path> chooseFolder(Window owner, Path near) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("The folder your results are saved to after every answer");
        if (near != null && java.nio.file.Files.isDirectory(near)) {
            c.setInitialDirectory(near.toFile());
        }
        return Optional.ofNullable(c.showDialog(owner)).map(java.io.File::toPath);
    }

    private static Optional<String> askName(Window owner, String name) {
        TextInputDialog d = new TextInputDialog(name);
        d.initOwner(owner);
        d.setTitle("Student name");
        d.setHeaderText("Your name, written into your results file");
        d.getDialogPane().setId("studentNameDialog");
        return d.showAndWait();
    }

    private static ButtonType askUnsaved(Window owner, Integer n) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, CANCEL);
        a.initOwner(owner);
        a.setTitle("Results not saved");
        a.setHeaderText("Save your results (" + n + (n == 1 ? " task" : " tasks") + " not saved yet)?");
        a.setContentText("Your answers and predictions are lost if you don't save them.");
        a.getDialogPane().setId("unsavedResultsDialog");
        return a.showAndWait().orElse(CANCEL);
    }
}
