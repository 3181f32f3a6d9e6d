package org.backproplab.ui.runs;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.backproplab.ui.SessionBridge;

/**
 * Compare… ({@code #compareButton}): opens the {@link VariantDialog} to start a variant of the run on show. It sits
 * in the loss chart's header, where the variants are drawn, so it is in view at any window size.
 */
public final class CompareButton {
    private CompareButton() {
    }

    /**
     * @param started runs after a variant was sent to the session (e.g. to bring the runs table into view)
     * @return the button
     */
    public static Button create(SessionBridge bridge, Runnable started) {
        RunsViewModel vm = new RunsViewModel(bridge);
        Button compare = new Button("Compare…");
        compare.setId("compareButton");
        compare.setMinWidth(Button.USE_PREF_SIZE);
        compare.setTooltip(new Tooltip("Start a variant: a new run from the iteration on show (or any other) with other "
                + "settings, on the same data order; its loss is drawn beside the others and the Runs tab compares them"));
        compare.setOnAction(e -> {
            VariantDialog d = new VariantDialog(compare.getScene() == null ? null : compare.getScene().getWindow(), vm);
            d.setOnHidden(h -> {
                if (Boolean.TRUE.equals(d.getResult())) {
                    started.run();
                }
                vm.clearError();
            });
            d.show();
        });
        return compare;
    }
}
