package org.backproplab.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import org.backproplab.data.Generators;
import org.backproplab.engine.Loss;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.architecture.ClassroomFixture;
import org.backproplab.ui.loss.LossChartView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Data sets in the real window: CSV import (good and bad files), generated sets, the train/test split. */
@ExtendWith(ApplicationExtension.class)
class DatasetsFxTest extends FxRobot {
    private ClassroomFixture fx;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        fx = ClassroomFixture.start(this);
    }

    @AfterEach
    void stop() throws Exception {
        fx.stop();
    }

    private DataMenus menus() {
        return DataMenus.of(lookup(".menu-bar").queryAs(MenuBar.class));
    }

    private Dialog<?> importFile(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        AtomicReference<Dialog<?>> d = new AtomicReference<>();
        interact(() -> {
            d.set(menus().importCsv(p));
            d.get().show();
        });
        return d.get();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aGoodCsvBecomesTheDataSet() throws Exception {
        importFile("gates.csv", "name,a,b,out\nlow,0,0,0\nmix,0,1,1\nmix2,1,0,1\nhigh,1,1,1\n");
        assertTrue(text("#csvSummary").contains("4 samples · 2 inputs → 1 target"), text("#csvSummary"));
        assertTrue(text("#csvSummary").contains("mean 0.5"), "says the mean and sd used: " + text("#csvSummary"));
        clickOn("#csvImportButton");
        Snapshot s = fx.settle();
        assertEquals(java.util.List.of("a", "b"), s.scenario().dataset().inputNames());
        assertEquals(java.util.List.of("low", "mix", "mix2", "high"), s.scenario().dataset().labels());
        assertEquals(2, s.network().inputSize());
        assertEquals(-1.0, s.scenario().dataset().input(0, 0), 1e-12, "standardised: (0 − 0.5) / 0.5");
        assertEquals("gates", s.scenario().name());
    }

    @Test
    void aTextClassColumnBecomesOneHotTargetsAndASoftmaxNetwork() throws Exception {
        importFile("flowers.csv", "petal,sepal,species\n1.4,5.1,setosa\n4.7,7.0,versicolor\n6.0,6.3,virginica\n"
                + "1.3,4.9,setosa\n4.5,6.4,versicolor\n5.9,6.8,virginica\n");
        assertTrue(lookup("#csvRole-2-class").queryAs(javafx.scene.control.RadioButton.class).isSelected(),
                "a repeating text column at the end is the class column");
        assertTrue(text("#csvSummary").contains("3 classes (setosa, versicolor, virginica) → softmax output, cross-entropy"),
                text("#csvSummary"));
        clickOn("#csvImportButton");
        Snapshot s = fx.settle();
        assertEquals(java.util.List.of("setosa", "versicolor", "virginica"), s.scenario().dataset().targetNames());
        assertEquals(org.backproplab.engine.Activation.SOFTMAX, s.network().layer(s.network().depth()).activation());
        assertEquals(org.backproplab.engine.Loss.CROSS_ENTROPY, s.scenario().config().loss());
        assertEquals(1.0, s.scenario().dataset().target(2, 2), 0.0, "virginica, one-hot");
    }

    /** File → Import MNIST…: idx files built here; a refused pair says why and changes nothing, a good one imports. */
    @Test
    void mnistIdxFilesBecomeTenClassesAndABadOneIsNamed() throws Exception {
        Path images = dir.resolve("train-images-idx3-ubyte");
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(images, org.backproplab.data.IdxFiles.images(org.backproplab.data.MnistImport.IMAGES_MAGIC, 6, 4, 4));
        Files.write(labels, org.backproplab.data.IdxFiles.labels(org.backproplab.data.MnistImport.LABELS_MAGIC, 3, 1, 4, 1, 5, 9));
        Snapshot before = fx.settle();
        AtomicReference<Dialog<?>> d = new AtomicReference<>();
        interact(() -> {
            d.set(menus().importMnist());
            d.get().show();
        });
        interact(() -> {
            lookup("#mnistImages").queryAs(javafx.scene.control.TextField.class).setText(labels.toString());
            lookup("#mnistLabels").queryAs(javafx.scene.control.TextField.class).setText(images.toString());
        });
        clickOn("#mnistImportButton");
        String error = text("#mnistError");
        assertTrue(error.contains("train-labels-idx1-ubyte: magic number 0x00000801: expected 0x00000803"), error);
        assertTrue(lookup("#mnistImportDialog").tryQuery().isPresent(), "the dialog stays open");
        assertEquals(before.scenario(), fx.settle().scenario(), "nothing changed");

        interact(() -> {
            lookup("#mnistImages").queryAs(javafx.scene.control.TextField.class).setText(images.toString());
            lookup("#mnistLabels").queryAs(javafx.scene.control.TextField.class).setText(labels.toString());
            lookup("#mnistLimit").queryAs(javafx.scene.control.TextField.class).setText("5");
            lookup("#mnistDownsample").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        clickOn("#mnistImportButton");
        Snapshot s = fx.settle();
        assertEquals("mnist", s.scenario().name());
        assertEquals(5, s.scenario().dataset().size(), "the sample limit");
        assertEquals(4, s.network().inputSize(), "4×4 downsampled to 2×2");
        assertEquals(10, s.network().outputSize());
        assertEquals(org.backproplab.engine.Loss.CROSS_ENTROPY, s.scenario().config().loss());
        assertEquals(1.0, s.scenario().dataset().target(4, 5), 0.0, "the fifth digit is a 5");
    }

    @Test
    void aBadFileIsRefusedWithRowAndColumnAndTheSessionStaysAsItWas() throws Exception {
        clickOn("#stepButton");
        Snapshot before = fx.settle();
        importFile("ragged.csv", "x1,x2,y\n0,0,0\n0,1\n");
        Node alert = lookup("#dataErrorDialog").query();
        String message = ((javafx.scene.control.DialogPane) alert).getContentText();
        assertTrue(message.contains("row 3 has 2 values") && message.contains("3 columns"), message);
        String status = lookup("#statusMessage").queryAs(Label.class).getText();
        assertTrue(status.contains("row 3"), status);
        interact(() -> ((javafx.stage.Stage) alert.getScene().getWindow()).close());

        importFile("words.csv", "x1,x2,y\n0,0,0\n0,one,1\n");
        assertTrue(text("#csvError").isEmpty(), "a text column starts as the labels");
        clickOn("#csvRole-1-input");
        String error = text("#csvError");
        assertTrue(error.contains("row 3, column 2 (x2)") && error.contains("\"one\""), error);
        assertTrue(lookup("#csvImportButton").query().isDisabled(), "no import from a bad choice");
        Snapshot after = fx.settle();
        assertEquals(before.scenario(), after.scenario());
        assertTrue(after.network().sameAs(before.network()));
        assertEquals(1, after.iteration());
        clickOn("#csvRole-1-skip");
        assertTrue(text("#csvError").isEmpty(), "leaving the bad column out fixes it");
        assertEquals(before.scenario(), fx.settle().scenario(), "still nothing until Import");
    }

    /**
     * Under xor's hidden layer of 4 neurons a 1-input CSV becomes 1-4-1, which takes 11 activations a sample: 95,000
     * rows are past the 1e6 a pass may hold. The dialog says so before Import, and nothing changes.
     */
    @Test
    void aCsvTooLargeForTheHiddenLayersIsRefusedBeforeImport() throws Exception {
        Snapshot before = fx.settle();
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int r = 0; r < 95_000; r++) {
            csv.append(r % 7).append(',').append(r % 2).append('\n');
        }
        importFile("big.csv", csv.toString());
        assertEquals("big.csv: under the current hidden layers, 1-4-1 on 95,000 samples needs 1.05e6 activations per "
                + "pass (samples × (neurons + 3 per layer)): at most 1e6 are allowed, so that the buffers of one pass "
                + "stay within about 32 MB; this network fits at most 90,909 samples. Use fewer rows, or fewer hidden "
                + "neurons first.", text("#csvError"));
        assertTrue(lookup("#csvImportButton").query().isDisabled(), "no import of a set the network cannot take");
        assertEquals(before.scenario(), fx.settle().scenario());
    }

    @Test
    void aGeneratedSetIsReproducibleAndBadSettingsAreNamed() throws Exception {
        interact(() -> menus().generate(DatasetsViewModel.Generated.CIRCLE).show());
        TextField count = lookup("#generateCount").queryAs(TextField.class);
        interact(() -> count.setText("lots"));
        clickOn("#generateButton");
        assertEquals("'lots' in samples: expected a whole number from 2 to 20,000", text("#generateError"));
        assertEquals(4, fx.settle().scenario().dataset().size(), "nothing changed");
        interact(() -> count.setText("120"));
        clickOn("#generateButton");
        Snapshot s = fx.settle();
        assertEquals(120, s.scenario().dataset().size());
        assertEquals(Generators.circle(120, 0.05, 1).inputs(), s.scenario().dataset().inputs(), "same seed, same points");
        assertEquals(Loss.BCE, s.scenario().config().loss());
        assertEquals(2, s.network().inputSize());
        assertTrue(s.network().layer(1).hasBias(), "no bias column, so real biases");
    }

    @Test
    void aSplitShowsTestLossOnTheChartAndMarksTheRows() throws Exception {
        SplitControl split = lookup("#splitControl").queryAs(SplitControl.class);
        interact(() -> split.spinner().getValueFactory().setValue(25));
        Snapshot s = fx.settle();
        assertEquals(1, s.testRows().length, "25 % of 4 samples");
        assertTrue(text("#testRowsLabel").contains("1 of 4"));
        for (int i = 0; i < 4; i++) {
            clickOn("#stepButton");
        }
        s = fx.settle();
        assertTrue(s.scores().hasTestSet());
        LossChartView chart = lookup(".loss-chart-view").queryAs(LossChartView.class);
        assertTrue(chart.model().testPointCount() >= 4, "a second series: " + chart.model().testPointCount());
        assertNotEquals("—", text("#testLossValue"));
        assertEquals(ScoresViewModel.loss(s.scores().testLoss()), text("#testLossValue"));
        assertTrue(text("#testAccuracyValue").endsWith("(0/1)") || text("#testAccuracyValue").endsWith("(1/1)"));
        long marked = lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("test"))).count();
        assertEquals(1, marked, "the held-out row is marked in the table");
        interact(() -> split.spinner().getValueFactory().setValue(0));
        fx.settle();
        assertEquals(ScoresViewModel.NONE, text("#testLossValue"), "no test set, no test loss");
    }

    @Test
    void aTypedTestShareIsReadLikeEveryNumberAndARefusalEndsWithTheNextValue() throws Exception {
        SplitControl split = lookup("#splitControl").queryAs(SplitControl.class);
        interact(() -> {
            split.spinner().getEditor().setText("95");
            split.spinner().commitValue();
        });
        assertEquals("'95' in test %: expected a whole number from 0 to 90", split.error());
        assertEquals(0, fx.settle().testRows().length, "nothing held out");
        interact(() -> split.spinner().increment());
        assertEquals("", split.error(), "the arrows give a value: the refusal is over");
        interact(() -> {
            split.spinner().getEditor().setText("50");
            split.spinner().commitValue();
        });
        assertEquals(2, fx.settle().testRows().length, "50 % of 4 samples");
    }
}
