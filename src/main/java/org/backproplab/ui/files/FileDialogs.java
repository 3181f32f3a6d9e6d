package org.backproplab.ui.files;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The dialogs of the File menu: the unsaved-work prompt, problems, and the file choosers. */
final class FileDialogs {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
    static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("Backprop Lab files (*.json)", "*.json");

    private FileDialogs() {
    }

    /** @return Save, Don't save or Cancel (Cancel if the dialog was closed) */
    static ButtonType unsaved(Window owner, String name, String action) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + name + " before " + action + "?");
        a.setContentText("The training and edits since the last save are lost if you don't save them.");
        a.getDialogPane().setId("unsavedDialog");
        return a.showAndWait().orElse(CANCEL);
    }

    /** Shows what went wrong in one or two plain sentences (never a stack trace); does not wait. */
    static Alert problem(Window owner, String header, String detail) {
        Alert a = message(Alert.AlertType.ERROR, owner, header, detail, "fileProblemDialog");
        a.getDialogPane().setMinWidth(520);
        a.setResizable(true);
        a.show();
        return a;
    }

    /** Shows a short notice; does not wait. */
    static void notice(Window owner, String header, String detail) {
        message(Alert.AlertType.INFORMATION, owner, header, detail, "fileNoticeDialog").show();
    }

    private static Alert message(Alert.AlertType type, Window owner, String header, String detail, String id) {
        Alert a = new Alert(type, detail, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("Backprop Lab");
        a.setHeaderText(header);
        a.getDialogPane().setId(id);
        return a;
    }

    static Optional<Path> chooseOpen(Window owner, Path near) {
        FileChooser c = chooser("Open a Backprop Lab file", near);
        c.getExtensionFilters().addAll(JSON, new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(c.showOpenDialog(owner)).map(java.io.File::toPath);
    }

    /**
     * @param extension the file name ending, with its dot (added when the name typed has none)
     */
    static Optional<Path> chooseSave(Window owner, String title, Path near, String suggested, String description,
                                     String extension) {
        FileChooser c = chooser(title, near);
        c.setInitialFileName(suggested);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*" + extension));
        return Optional.ofNullable(c.showSaveDialog(owner)).map(f -> {
            Path p = f.toPath();
            return p.getFileName().toString().contains(".") ? p : p.resolveSibling(p.getFileName() + extension);
        });
    }

    private static FileChooser chooser(String title, Path near) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        Path dir = near == null ? null : near.toAbsolutePath().getParent();
        if (dir != null && java.nio.file.Files.isDirectory(dir)) {
            c.setInitialDirectory(dir.toFile());
        }
        return c;
    }

    /** @return a sentence for a failed read or write, without class names or stack traces */
    static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof org.backproplab.io.FileFormatException f && f.getMessage() != null) {
            String m = f.getMessage();
            int cut = m.indexOf(": ");
            return cut < 0 ? m : "The file is not a valid Backprop Lab file. " + m.substring(cut + 2);
        }
        if (t instanceof java.nio.file.NoSuchFileException n) {
            return "There is no such file or folder: " + n.getFile() + ".";
        }
        if (t instanceof java.nio.file.AccessDeniedException a) {
            return "Permission denied: " + a.getFile() + " cannot be written or read.";
        }
        if (t instanceof java.nio.file.FileSystemException f) {
            return (f.getReason() == null ? "The file system refused" : f.getReason()) + ": " + f.getFile() + ".";
        }
        if (t instanceof UserError || t instanceof java.io.IOException || t instanceof IllegalArgumentException) {
            return t.getMessage() == null ? "It could not be done." : t.getMessage();
        }
        return "An unexpected problem (" + t.getClass().getSimpleName() + "). Details are on the console.";
    }

    /** A problem to tell the user in plain words. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message);
        }
    }
}
