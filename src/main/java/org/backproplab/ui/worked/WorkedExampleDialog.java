package org.backproplab.ui.worked;

import java.io.File;
import java.io.IOException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.WorkedExample;
import org.backproplab.ui.AppIcon;
import org.backproplab.ui.SessionBridge;

/**
 * File → Export worked example…: a preview of the iteration as Markdown, LaTeX and CSV in tabs, each with a
 * Save button (a file chooser, then an atomic write: a temporary file moved into place).
 */
public final class WorkedExampleDialog {
    private final WorkedExampleViewModel vm;
    private final Supplier<Window> owner;
    private Stage stage;
    private final TextArea markdown = area("workedMarkdown");
    private final TextArea latex = area("workedLatex");
    private final TextArea csv = area("workedCsv");
    private final Label description = new Label();
    private WorkedExample example;

    private WorkedExampleDialog(SessionBridge bridge, Supplier<Window> owner) {
        this.vm = new WorkedExampleViewModel(bridge);
        this.owner = owner;
    }

    /** Adds "Export worked example…" to the File menu of {@code bar}, before Quit. */
    public static void install(MenuBar bar, SessionBridge bridge, Supplier<Window> owner) {
        WorkedExampleDialog d = new WorkedExampleDialog(bridge, owner);
        MenuItem item = new MenuItem("Export worked example…");
        item.setId("workedExampleItem");
        item.setOnAction(e -> d.show());
        Menu file = bar.getMenus().stream().filter(m -> "File".equals(m.getText())).findFirst().orElseThrow();
        int quit = (int) file.getItems().stream().takeWhile(i -> !"Quit".equals(i.getText())).count();
        if (quit > 0 && file.getItems().get(quit - 1) instanceof SeparatorMenuItem) {
            file.getItems().add(quit - 1, item);
        } else {
            file.getItems().addAll(quit, java.util.List.of(item, new SeparatorMenuItem()));
        }
    }

    void show() {
        if (stage == null) {
            build();
        }
        description.setText("Computing the iteration…");
        vm.prepare().whenComplete((p, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                description.setText("The worked example could not be made: " + cause.getMessage());
                return;
            }
            example = p.example();
            stage.setTitle("Worked example: " + example.title() + " — Backprop Lab");
            description.setText(p.description());
            markdown.setText(example.markdown());
            latex.setText(example.latex());
            csv.setText(example.csv());
        }));
        stage.show();
        stage.toFront();
    }

    private void build() {
        TabPane tabs = new TabPane(
                tab("Markdown", markdown, "Save Markdown…", "md", "Markdown"),
                tab("LaTeX", latex, "Save LaTeX…", "tex", "LaTeX document"),
                tab("CSV", csv, "Save CSV…", "csv", "CSV (quantity, layer, row, column, value)"));
        tabs.setId("workedExampleTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        description.setId("workedExampleDescription");
        description.setWrapText(true);
        description.setPadding(new Insets(0, 0, 8, 0));
        BorderPane root = new BorderPane(tabs);
        root.setTop(description);
        root.setPadding(new Insets(10));
        stage = new Stage();
        AppIcon.setOn(stage);
        Window o = owner.get();
        if (o != null) {
            stage.initOwner(o);
            if (o.getScene() != null) {
                root.getStylesheets().addAll(o.getScene().getStylesheets());
            }
        }
        stage.setScene(new Scene(root, 900, 640));
    }

    private Tab tab(String title, TextArea area, String save, String ext, String kind) {
        Button button = new Button(save);
        button.setId("save" + title + "Button");
        button.setOnAction(e -> save(area.getText(), ext, kind));
        button.disableProperty().bind(area.textProperty().isEmpty());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.hide());
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(10, spring, button, close);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(8, 0, 0, 0));
        BorderPane content = new BorderPane(area);
        content.setBottom(bar);
        return new Tab(title, content);
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(false);
        a.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 13px;");
        return a;
    }

    private void save(String text, String ext, String kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the worked example as " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + ext));
        chooser.setInitialFileName(fileName(example == null ? "worked-example" : example.title()) + "." + ext);
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            AtomicFiles.writeString(f.toPath(), text);
            description.setText("Saved " + f.getName() + ".");
        } catch (IOException | RuntimeException ex) {
            Alert a = new Alert(Alert.AlertType.ERROR, "Could not save " + f + ": " + ex.getMessage()
                    + "\nThe file (if it existed) is unchanged.");
            a.initOwner(stage);
            a.setHeaderText("The worked example was not saved");
            a.showAndWait();
        }
    }

    /** @return e.g. {@code xor-iteration-12} for the title {@code xor, iteration 12} */
    static String fileName(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
