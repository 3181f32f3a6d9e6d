package org.backproplab.ui.divergence;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;

/**
 * A red banner at the top of the centre area, shown only when training has diverged: what happened, why, and
 * two ways out ({@code #backToFiniteButton}, {@code #lowerEtaButton}). Hidden, it takes no space.
 */
public final class DivergenceBanner extends HBox {
    private final DivergenceViewModel vm;

    public DivergenceBanner(SessionBridge bridge, UiState state) {
        this.vm = new DivergenceViewModel(bridge);
        setId("divergenceBanner");
        getStyleClass().add("divergence-banner");
        getStylesheets().add(DivergenceBanner.class.getResource("divergence.css").toExternalForm());
        setAlignment(Pos.CENTER_LEFT);

        Label icon = new Label("⚠");
        icon.getStyleClass().add("divergence-icon");
        icon.setMinWidth(Label.USE_PREF_SIZE);
        Label headline = new Label();
        headline.setId("divergenceHeadline");
        headline.getStyleClass().add("divergence-headline");
        headline.textProperty().bind(vm.headlineProperty());
        headline.setWrapText(true);
        Label explanation = new Label();
        explanation.setId("divergenceExplanation");
        explanation.getStyleClass().add("divergence-explanation");
        explanation.textProperty().bind(vm.explanationProperty());
        explanation.setWrapText(true);
        VBox text = new VBox(4, headline, explanation);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button back = new Button();
        back.textProperty().bind(vm.backTextProperty());
        back.setId("backToFiniteButton");
        back.getStyleClass().add("divergence-primary");
        back.setTooltip(new Tooltip("Show the last iteration before the loss left its normal range (more than 10× its "
                + "lowest so far): lower η there and run again. The later iterations are kept, on the history slider."));
        back.setOnAction(e -> vm.goBack());
        Button lower = new Button();
        lower.setId("lowerEtaButton");
        lower.textProperty().bind(vm.lowerTextProperty());
        lower.setTooltip(new Tooltip("Go back to the last finite state and make η ten times smaller, ready to run again."));
        lower.setOnAction(e -> vm.lowerLearningRate());
        VBox buttons = new VBox(6, back, lower);
        buttons.setFillWidth(true);
        back.setMaxWidth(Double.MAX_VALUE);
        lower.setMaxWidth(Double.MAX_VALUE);
        buttons.setMinWidth(VBox.USE_PREF_SIZE);

        getChildren().addAll(icon, text, buttons);
        visibleProperty().bind(vm.shownProperty());
        managedProperty().bind(vm.shownProperty());
    }

    /** @return the view model (for tests) */
    public DivergenceViewModel viewModel() {
        return vm;
    }
}
