package org.backproplab.ui.datasets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.backproplab.data.CsvImport;
import org.backproplab.data.CsvImportException;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.architecture.ArchitecturePanel;

/**
 * Adds the classroom items to the window's menu bar: Network → Edit architecture… (Ctrl+E); a Data menu with
 * the built-in data sets, the generated ones (each asks for samples, noise and seed), the CSV import and the input
 * features of a two-input data set ({@link FeaturesMenu}); and
 * File → Import CSV… (Ctrl+I) / Import MNIST… / Export data as CSV…. A file that cannot be used is refused with a message
 * naming the row, the column and the value, and the session stays as it was.
 */
public final class DataMenus {
    private final SessionBridge bridge;
    private final Supplier<Window> owner;
    private final Consumer<String> report;
    private final DatasetsViewModel vm;
    private final FeaturesViewModel features;
    private File lastDirectory;

    private DataMenus(SessionBridge bridge, Supplier<Window> owner, Consumer<String> report) {
        this.bridge = bridge;
        this.owner = owner;
        this.report = report;
        this.vm = new DatasetsViewModel(bridge);
        this.features = new FeaturesViewModel(bridge);
    }

    /**
     * @param bar    the window's menu bar (with File and Network menus)
     * @param bridge the session as the window sees it
     * @param panel  the architecture side panel
     * @param owner  the window, for dialogs
     * @param report shows a line in the status bar
     * @return the installed menus (also kept in the bar's properties, see {@link #of})
     */
    public static DataMenus install(MenuBar bar, SessionBridge bridge, ArchitecturePanel panel,
                                    Supplier<Window> owner, Consumer<String> report) {
        DataMenus m = new DataMenus(bridge, owner, report);
        Menu file = menu(bar, "File");
        Menu network = menu(bar, "Network");
        MenuItem edit = new MenuItem("Edit architecture…");
        edit.setId("editArchitectureItem");
        edit.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        edit.setOnAction(e -> panel.toggle());
        network.getItems().addAll(0, java.util.List.of(edit, new SeparatorMenuItem()));
        MenuItem importCsv = m.importItem("importCsvItem");
        importCsv.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        MenuItem mnist = new MenuItem("Import MNIST…");
        mnist.setId("importMnistItem");
        mnist.setOnAction(e -> m.importMnist().show());
        MenuItem export = new MenuItem("Export data as CSV…");
        export.setId("exportCsvItem");
        export.setOnAction(e -> m.chooseExport());
        int at = Math.max(0, file.getItems().size() - 1);
        file.getItems().addAll(at, java.util.List.of(importCsv, mnist, export, new SeparatorMenuItem()));
        bar.getMenus().add(bar.getMenus().indexOf(network) + 1, m.dataMenu());
        bar.getProperties().put(DataMenus.class, m);
        return m;
    }

    /** @return the menus installed on {@code bar}, or null */
    public static DataMenus of(MenuBar bar) {
        return (DataMenus) bar.getProperties().get(DataMenus.class);
    }

    private static Menu menu(MenuBar bar, String text) {
        return bar.getMenus().stream().filter(x -> text.equals(x.getText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the menu bar has no " + text + " menu"));
    }

    private Menu dataMenu() {
        Menu data = new Menu("Data");
        data.setId("dataMenu");
        for (DatasetsViewModel.Builtin b : DatasetsViewModel.BUILTINS) {
            MenuItem item = new MenuItem(b.text());
            item.setId("dataset-" + b.name());
            item.setOnAction(e -> vm.load(b));
            data.getItems().add(item);
        }
        data.getItems().add(new SeparatorMenuItem());
        for (DatasetsViewModel.Generated g : DatasetsViewModel.Generated.values()) {
            MenuItem item = new MenuItem(g.text() + "…");
            item.setId("generate-" + g.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> generate(g).show());
            data.getItems().add(item);
        }
        data.getItems().addAll(new SeparatorMenuItem(), importItem("dataImportCsvItem"), new SeparatorMenuItem(),
                FeaturesMenu.create(features));
        return data;
    }

    private MenuItem importItem(String id) {
        MenuItem item = new MenuItem("Import CSV…");
        item.setId(id);
        item.setOnAction(e -> chooseImport());
        return item;
    }

    // Commands

    /** @return the (not yet shown) dialog asking for the settings of {@code g} */
    public Dialog<Boolean> generate(DatasetsViewModel.Generated g) {
        return new GenerateDialog(owner.get(), vm, g);
    }

    private void chooseImport() {
        FileChooser fc = chooser("Import a CSV data set");
        File f = fc.showOpenDialog(owner.get());
        if (f != null) {
            lastDirectory = f.getParentFile();
            importCsv(f.toPath()).show();
        }
    }

    /**
     * Reads {@code file}: a file that cannot be used gives an error dialog (and a status line) and changes
     * nothing; a good one gives the column dialog.
     *
     * @return the dialog to show
     */
    public Dialog<?> importCsv(Path file) {
        try {
            CsvImport.Table t = CsvImport.read(file);
            return new CsvImportDialog(owner.get(), new CsvImportViewModel(t, bridge));
        } catch (CsvImportException e) {
            report.accept("Import refused: " + e.getMessage());
            return Dialogs.error(owner.get(), "This file cannot be imported; nothing has changed.", e.getMessage());
        }
    }

    /** @return the (not yet shown) Import MNIST dialog */
    public Dialog<Boolean> importMnist() {
        return new MnistImportDialog(owner.get(), new MnistImportViewModel(bridge));
    }

    private void chooseExport() {
        FileChooser fc = chooser("Export the data set with predictions");
        fc.setInitialFileName(org.backproplab.data.Scenarios.baseName(bridge.snapshot().scenario().name())
                .replaceAll("[^A-Za-z0-9._-]+", "-") + "-predictions.csv");
        File f = fc.showSaveDialog(owner.get());
        if (f != null) {
            lastDirectory = f.getParentFile();
            exportCsv(f.toPath());
        }
    }

    /** Writes the data set with predictions and per-sample loss to {@code file}; says in the status bar how it went. */
    public void exportCsv(Path file) {
        try {
            vm.export(file);
            report.accept("Exported " + bridge.snapshot().scenario().dataset().size() + " samples with ŷ and loss to "
                    + file.getFileName() + ".");
        } catch (IOException | RuntimeException e) {
            report.accept("Export failed: " + e.getMessage());
            Dialogs.error(owner.get(), "Could not write " + file.getFileName(), String.valueOf(e.getMessage())).show();
        }
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.tsv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            fc.setInitialDirectory(lastDirectory);
        }
        return fc;
    }

    /** @return the view model behind Data → Input features */
    public FeaturesViewModel features() {
        return features;
    }

    /** @return the view model behind the Data menu */
    public DatasetsViewModel viewModel() {
        return vm;
    }
}
