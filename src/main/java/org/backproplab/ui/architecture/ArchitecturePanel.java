package org.backproplab.ui.architecture;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Styles;
import org.backproplab.ui.UiState;

/**
 * Puts the {@link ArchitectureView} in a panel that slides over the right-hand side of the window's content
 * (the inspector and the table), so the network graph stays in full view and redraws as the layers change.
 * The panel is hidden until asked for (Network → Edit architecture…, Ctrl+E) and closes with its ✕ button,
 * Esc or the same shortcut, so it never keeps anyone's space.
 */
public final class ArchitecturePanel extends StackPane {
    /** Width of the open panel. */
    public static final double WIDTH = 390;

    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", false);
    private final SessionBridge bridge;
    private final UiState state;
    private ArchitectureView editor;
    private VBox side;

    /**
     * @param bridge  the session as the window sees it
     * @param state   the shared view state
     * @param content what the panel sits beside (the graph, chart and table)
     */
    public ArchitecturePanel(SessionBridge bridge, UiState state, Node content) {
        this.bridge = bridge;
        this.state = state;
        getChildren().add(content);
        shown.addListener((o, was, now) -> {
            if (now) {
                editor().requestFocus();
            }
        });
    }

    /** Makes the panel the first time it is needed: until it is opened the window neither styles nor lays it out. */
    private void build() {
        editor = new ArchitectureView(bridge, state);
        Label title = new Label("Build the network");
        title.getStyleClass().add("panel-title");
        Button close = new Button("✕");
        close.setId("closeArchitectureButton");
        close.getStyleClass().add("panel-close");
        close.setTooltip(new Tooltip("Close the editor (Ctrl+E)"));
        close.setOnAction(e -> shown.set(false));
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(8, title, spring, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("panel-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        side = new VBox(header, scroll);
        side.setId("architecturePanel");
        side.getStyleClass().add("architecture-panel");
        Styles.addPanelsStylesheet(side);
        side.setPrefWidth(WIDTH);
        side.setMinWidth(WIDTH);
        side.setMaxWidth(WIDTH);
        side.setMaxHeight(Double.MAX_VALUE);
        side.visibleProperty().bind(shown);
        side.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                shown.set(false);
                e.consume();
            }
        });
        StackPane.setAlignment(side, Pos.TOP_RIGHT);
        getChildren().add(side);
    }

    // Properties

    /** @return true while the editor is open */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** @return the editor inside (made now if the panel has not been opened yet) */
    public ArchitectureView editor() {
        if (editor == null) {
            build();
        }
        return editor;
    }

    // Commands

    /** Opens the editor if closed, closes it if open. */
    public void toggle() {
        shown.set(!shown.get());
    }
}
