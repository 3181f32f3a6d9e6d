package org.backproplab.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.text.NumberText;
import org.backproplab.ui.UiState;
import org.backproplab.ui.architecture.ClassroomFixture;
import org.backproplab.ui.graph.GraphScene;
import org.backproplab.ui.graph.GraphText;
import org.backproplab.ui.graph.NetworkView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Data → Input features in the real window: the menu adds a derived input, the graph draws it as an input node named
 * by its formula with the engine's value, the table shows it as a derived column with the engine's values, and Back
 * brings the trained network back.
 */
@ExtendWith(ApplicationExtension.class)
class FeaturesFxTest extends FxRobot {
    private ClassroomFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ClassroomFixture.start(this);
        interact(() -> fx.app.session().load(Presets.get("gender")));
        fx.settle();
    }

    @AfterEach
    void stop() throws Exception {
        fx.stop();
    }

    private Menu featuresMenu() {
        MenuBar bar = lookup(".menu-bar").queryAs(MenuBar.class);
        Menu data = bar.getMenus().stream().filter(m -> "dataMenu".equals(m.getId())).findFirst().orElseThrow();
        return (Menu) data.getItems().stream().filter(i -> "featuresMenu".equals(i.getId())).findFirst().orElseThrow();
    }

    private CheckMenuItem item(String id) {
        return (CheckMenuItem) featuresMenu().getItems().stream().filter(i -> ("feature-" + id).equals(i.getId()))
                .findFirst().orElseThrow();
    }

    /** Chooses the item the way a click does: the check mark flips, then the action runs. */
    private Snapshot choose(String id) throws Exception {
        interact(() -> {
            CheckMenuItem i = item(id);
            i.setSelected(!i.isSelected());
            i.fire();
        });
        return fx.settle();
    }

    @Test
    void theMenuAddsAnInputNodeAndTheTableColumnWithTheEnginesValues() throws Exception {
        fx.app.session().stepMany(30);
        Snapshot trained = fx.settle();
        assertEquals("weight²", item("x1sq").getText(), "named over the data set's own inputs");
        assertFalse(item("x1sq").isSelected());
        Snapshot s = choose("x1sq");
        assertEquals(List.of("weight", "height", "weight²"), s.scenario().dataset().inputNames());
        assertEquals(3, s.network().inputSize());
        assertEquals(0, s.iteration(), "a new input layer starts from the seed");
        assertTrue(item("x1sq").isSelected());

        // the graph: a third input node named by its formula, its side label the engine's value for the sample on show
        interact(() -> fx.app.uiState().numbersProperty().set(UiState.Numbers.EVERYTHING));
        s = fx.settle();
        int sample = fx.app.uiState().sampleOnShow(s).sample(); // the next batch's (per-sample training)
        assertTrue(sample >= 0);
        RealMatrix x = s.evaluation().inputs();
        assertEquals(x.getEntry(sample, 0) * x.getEntry(sample, 0), x.getEntry(sample, 2), 0.0);
        GraphScene g = lookup("#networkView").queryAs(NetworkView.class).viewModel().scene();
        List<GraphScene.Neuron> inputs = g.neurons().stream().filter(n -> n.layer() == 0).toList();
        assertEquals(List.of("weight", "height", "weight²"), inputs.stream().map(GraphScene.Neuron::name).toList());
        assertTrue(g.headers().get(0).subtitle().contains("1 derived"), g.headers().get(0).subtitle());
        GraphScene.Neuron derived = inputs.get(2);
        String shown = GraphText.num(x.getEntry(sample, 2));
        assertTrue(g.labels().stream().anyMatch(l -> l.kind() == GraphScene.Label.Kind.SIDE && l.lines().contains(shown)
                && Math.abs(l.y() + l.h() / 2 - derived.y()) < 1 && l.x() < derived.x()),
                "the input node's label shows " + shown + ": " + derived + " " + g.labels().stream()
                        .filter(l -> l.kind() == GraphScene.Label.Kind.SIDE).toList());

        // the table: a derived column, not editable, with the engine's numbers
        TableView<?> table = lookup("#dataTable").queryTableView();
        TableColumn<?, ?> col = table.getColumns().stream().filter(c -> c.getText().startsWith("weight²")).findFirst()
                .orElseThrow();
        assertEquals("weight² (derived)", col.getText());
        assertFalse(col.isEditable());
        for (int r = 0; r < s.scenario().dataset().size(); r++) {
            assertEquals(x.getEntry(r, 2), ((Number) col.getCellData(r)).doubleValue(), 0.0, "row " + r);
        }
        // the probe computes it from the typed inputs
        interact(() -> {
            lookup("#probe-weight").queryAs(TextField.class).setText("3");
            lookup("#probe-height").queryAs(TextField.class).setText("-1");
        });
        assertTrue(lookup("#probe-weight²").tryQuery().isEmpty(), "no field: the probe computes weight²");
        double[] in = s.scenario().dataset().inputAt(3, -1);
        assertEquals("ŷ = " + NumberText.format(s.network().predict(in)[0]),
                lookup("#probeResult").queryAs(Label.class).getText());

        // Back brings the trained network of two inputs back
        interact(() -> fx.app.session().back());
        Snapshot back = fx.settle();
        assertEquals(30, back.iteration());
        assertTrue(back.network().sameAs(trained.network()));
        assertFalse(item("x1sq").isSelected(), "the menu follows the data set on show");
    }

    @Test
    void aDataSetWithoutTwoInputsHasTheItemsDisabledAndSaysWhy() throws Exception {
        interact(() -> fx.app.session().load(Presets.get("iris")));
        fx.settle();
        MenuItem note = featuresMenu().getItems().get(0);
        assertEquals("Only for data sets with two inputs: this one has 4", note.getText());
        assertTrue(item("x1sq").isDisable());
        interact(() -> fx.app.session().load(Presets.get("spiral-features")));
        Snapshot s = fx.settle();
        assertFalse(item("sin2").isDisable());
        assertTrue(item("sin2").isSelected());
        s = choose("sin2");
        assertEquals(List.of("x1", "x2", "x1²", "x2²", "x1·x2", "sin x1"), s.scenario().dataset().inputNames());
        assertFalse(item("sin2").isSelected());
    }
}
