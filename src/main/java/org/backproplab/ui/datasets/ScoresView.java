package org.backproplab.ui.datasets;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Styles;
import org.backproplab.ui.UiState;

/**
 * Loss and accuracy, train and test, in one line above the loss chart (id {@code scoresView}): "Train
 * L 0.01234 · 75.0 % (3/4)   Test L 0.2 · 50.0 % (1/2)". The test part is in the colour of the chart's test
 * series and shows "—" without a split; accuracy is shown only for classification data. The line wraps
 * between train and test when the pane is narrow.
 */
public final class ScoresView extends FlowPane {
    private final ScoresViewModel vm;

    public ScoresView(SessionBridge bridge, UiState state) {
        this.vm = new ScoresViewModel(bridge);
        setId("scoresView");
        getStyleClass().add("scores-view");
        Styles.addPanelsStylesheet(this);
        HBox train = group("Train", "The rows the network learns from: the solid blue line on the chart",
                value("trainingLossValue", vm.trainingLossProperty(), false),
                value("trainingAccuracyValue", vm.trainingAccuracyProperty(), false));
        HBox test = group("Test", "The rows held out (Test % under the data table), never trained on: the dashed "
                        + "orange line on the chart",
                value("testLossValue", vm.testLossProperty(), true),
                value("testAccuracyValue", vm.testAccuracyProperty(), true));
        train.getChildren().get(0).getStyleClass().add("score-train");
        test.getChildren().get(0).getStyleClass().add("score-test");
        train.getChildren().add(0, swatch("score-train-line", false));
        test.getChildren().add(0, swatch("score-test-line", true));
        // without held-out rows there is no test line on the chart: no legend entry for it either
        test.visibleProperty().bind(vm.testLossProperty().isNotEqualTo(ScoresViewModel.NONE));
        test.managedProperty().bind(test.visibleProperty());
        getChildren().addAll(train, test);
        setTooltipOnAccuracy(train);
        setTooltipOnAccuracy(test);
    }

    /** @return {@code chart} with the scores in a line above it */
    public static Node beside(Node chart, SessionBridge bridge, UiState state) {
        BorderPane p = new BorderPane(chart);
        p.setTop(new ScoresView(bridge, state));
        return p;
    }

    private HBox group(String title, String tip, Label loss, Label accuracy) {
        Label t = new Label(title);
        t.getStyleClass().add("score-title");
        t.setTooltip(new Tooltip(tip));
        Label l = new Label("L");
        l.getStyleClass().add("hint");
        Label dot = new Label("·");
        dot.getStyleClass().add("hint");
        dot.visibleProperty().bind(vm.classificationProperty());
        dot.managedProperty().bind(dot.visibleProperty());
        accuracy.visibleProperty().bind(vm.classificationProperty());
        accuracy.managedProperty().bind(accuracy.visibleProperty());
        HBox g = new HBox(6, t, l, loss, dot, accuracy);
        g.setAlignment(Pos.BASELINE_LEFT);
        return g;
    }

    private static void setTooltipOnAccuracy(HBox group) {
        Label acc = (Label) group.getChildren().get(5);
        acc.setTooltip(new Tooltip("Accuracy: the share of samples classified right (ŷ ≥ 0.5 exactly where y = 1)"));
    }

    /** A short sample of the chart's line: solid for train, dashed for test. */
    private static javafx.scene.shape.Line swatch(String styleClass, boolean dashed) {
        javafx.scene.shape.Line l = new javafx.scene.shape.Line(0, 0, 22, 0);
        l.getStyleClass().add(styleClass);
        l.setStrokeWidth(3);
        if (dashed) {
            l.getStrokeDashArray().addAll(6.0, 4.0);
        }
        l.setTranslateY(-4);
        return l;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text, boolean test) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("score-value");
        if (test) {
            l.getStyleClass().add("score-test");
        }
        l.textProperty().bind(text);
        return l;
    }

    /** @return the view model (for tests) */
    public ScoresViewModel viewModel() {
        return vm;
    }
}
