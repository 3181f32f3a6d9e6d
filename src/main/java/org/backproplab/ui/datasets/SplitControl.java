package org.backproplab.ui.datasets;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Styles;
import org.backproplab.ui.UiState;
import org.backproplab.text.NumberText;

/**
 * The train/test split under the data table (id {@code splitControl}): a "Test %" spinner from 0 to 90 in
 * steps of 5 (a whole number from 0 to 90 may be typed too), and how many rows that holds out. The rows are chosen by the seed; they are evaluated (the
 * test loss curve and the test scores) but never trained on.
 */
public final class SplitControl extends HBox {
    /** The largest share of rows that may be held out. */
    public static final int MAX_PERCENT = 90;
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    /** The spinner's name in messages. */
    static final String PLACE = "test %";

    private final Spinner<Integer> percent = new Spinner<>();
    private final Label rows = new Label();
    private final Label error = new Label();
    private int shownTestRows = -1;
    private boolean syncing;

    public SplitControl(SessionBridge bridge, UiState state) {
        DatasetsViewModel vm = new DatasetsViewModel(bridge);
        setId("splitControl");
        getStyleClass().add("split-control");
        Styles.addPanelsStylesheet(this);
        percent.setId("testPercentSpinner");
        percent.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, MAX_PERCENT,
                (int) Math.round(100.0 * bridge.snapshot().testRows().length / bridge.snapshot().scenario().dataset().size()), 5));
        percent.setPrefWidth(90);
        percent.setEditable(true);
        percent.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String typed) {
                return read(typed);
            }
        });
        percent.setTooltip(new Tooltip("Hold out this share of the samples as a test set: evaluated, never trained on"));
        percent.valueProperty().addListener((o, was, now) -> {
            error.setText(""); // a value taken (typed, or from the arrows) ends a refusal
            percent.getEditor().pseudoClassStateChanged(INVALID, false);
            if (!syncing) {
                vm.setTestPercent(now);
            }
        });
        Label title = new Label("Test %");
        title.getStyleClass().add("field-label");
        title.setLabelFor(percent);
        rows.setId("testRowsLabel");
        rows.getStyleClass().add("hint");
        error.setId("testPercentError");
        error.getStyleClass().add("error-text");
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        // in a narrow column the hint gives its room away, never the field or its name ("…" and "2" of 25 were seen)
        title.setMinWidth(Region.USE_PREF_SIZE);
        percent.setMinWidth(Region.USE_PREF_SIZE);
        rows.setMinWidth(0);
        rows.setTooltip(new Tooltip());
        rows.getTooltip().textProperty().bind(rows.textProperty());
        getChildren().addAll(title, percent, rows, error);
        bridge.snapshotProperty().addListener((o, was, now) -> show(now));
        show(bridge.snapshot());
    }

    /**
     * @return the percentage typed, or the one shown now if the text is refused (then the message names it and
     *         the field turns red until a value is accepted)
     */
    private Integer read(String typed) {
        try {
            int p = (int) NumberText.parseWhole(typed, PLACE, 0, MAX_PERCENT);
            error.setText("");
            percent.getEditor().pseudoClassStateChanged(INVALID, false);
            return p;
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            percent.getEditor().pseudoClassStateChanged(INVALID, true);
            return percent.getValue();
        }
    }

    private void show(Snapshot s) {
        int test = s.testRows().length;
        int n = s.scenario().dataset().size();
        if (test != shownTestRows) {
            // the split changed elsewhere (Back, a file, a new data set): the spinner follows, sending nothing
            shownTestRows = test;
            if (Math.round(percent.getValue() / 100.0 * n) != test) {
                syncing = true;
                try {
                    percent.getValueFactory().setValue(Math.min(MAX_PERCENT, 5 * (int) Math.round(20.0 * test / n)));
                } finally {
                    syncing = false;
                }
            }
        }
        rows.setText(test == 0 ? "every sample trains"
                : String.format(Locale.ROOT, "%d of %d samples held out as the test set (marked in the table)", test, n));
    }

    /** @return {@code table} with the split control under it */
    public static Node below(Node table, SessionBridge bridge, UiState state) {
        BorderPane p = new BorderPane(table);
        p.setBottom(new SplitControl(bridge, state));
        return p;
    }

    /** @return the spinner (for tests) */
    public Spinner<Integer> spinner() {
        return percent;
    }

    /** @return why the last typed percentage was refused, or empty (for tests) */
    public String error() {
        return error.getText();
    }
}
