package org.backproplab.ui.graph;

import javafx.scene.control.Label;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;

/**
 * The lines of the training problems found ({@code #problemsLabel}, see {@link ProblemMarks}), in a strip of their
 * own under the graph, which the graph is laid out above: they never cover a neuron.
 */
final class ProblemsNote {
    private final Label label = new Label();

    ProblemsNote() {
        label.setId("problemsLabel");
        label.setManaged(false);
        label.setMouseTransparent(true);
        label.setWrapText(true);
        label.setVisible(false);
    }

    Label node() {
        return label;
    }

    /**
     * Shows {@code text} (hidden when empty), sized for a graph of {@code w × h}.
     *
     * @return the height of the strip it needs under the graph (at most a third of it), 0 when there is nothing to say
     */
    double strip(String text, double w, double h, UiState state) {
        label.setText(text);
        label.setAccessibleText(text);
        label.setVisible(!text.isEmpty());
        if (text.isEmpty()) {
            return 0;
        }
        Theme theme = state.themeProperty().get();
        double font = state.lectureText() > 0 ? 0.8 * state.lectureText() : 13 * state.zoomProperty().get();
        String style = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx; -fx-font-family: 'DejaVu Sans';"
                + " -fx-text-fill: %s; -fx-background-color: %s; -fx-background-radius: 6; -fx-padding: 2 8 2 8;"
                + " -fx-border-color: %s; -fx-border-radius: 6;", font, NetworkView.web(theme.ink()),
                NetworkView.web(theme.labelBox()), NetworkView.web(ProblemMarks.RING));
        if (!style.equals(label.getStyle())) {
            label.setStyle(style);
        }
        label.applyCss();
        double width = Math.max(40, w - 24);
        double noteH = label.prefHeight(width);
        label.resize(width, noteH);
        return Math.min(noteH + 6, h / 3);
    }
}
