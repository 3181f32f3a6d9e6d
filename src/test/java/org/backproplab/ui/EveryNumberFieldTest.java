package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenarios;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.architecture.ArchitectureViewModel;
import org.backproplab.text.Allowed;
import org.backproplab.ui.common.NumberField;
import org.backproplab.text.NumberText;
import org.backproplab.ui.data.DataTableViewModel;
import org.backproplab.ui.datasets.DatasetsViewModel;
import org.backproplab.ui.datasets.DatasetsViewModel.Generated;
import org.backproplab.ui.datasets.SplitControl;
import org.backproplab.ui.graph.EdgeEditor;
import org.backproplab.ui.inspector.InspectorViewModel;
import org.backproplab.ui.shell.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every field where a number is typed reads it the same way: the same texts are accepted or refused in each
 * (within the field's own range), with the one message naming the text, the field and what it allows; under
 * a locale with a decimal comma and under one with a decimal dot.
 */
class EveryNumberFieldTest {
    private static final List<String> TYPED = List.of("0.5", "0,5", "1e-3", "−0.5", "-0.5", "2", "7", "1e3", "1,000",
            "", "  ", "abc", "NaN", "Infinity", "-Infinity", "1e999", "1d", "0x10", "0.5.1", "1.000,5");

    /**
     * A field: typing {@code text} there returns true if it was accepted, else its message is {@code message()}.
     *
     * @param whole true for a field of whole numbers (read with {@link NumberText#parseWhole})
     */
    private record Field(String place, Allowed allowed, boolean whole, Function<String, Boolean> type,
                         Supplier<String> message) {
        /** @return null if {@code text} should be accepted, else the message it should be refused with */
        String expected(String text) {
            try {
                if (whole) {
                    NumberText.parseWhole(text, place, (long) allowed.min(), (long) allowed.max());
                } else {
                    NumberText.parse(text, place, allowed);
                }
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    }

    private final List<TrainingSession> sessions = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        sessions.forEach(TrainingSession::close);
    }

    private SessionBridge bridge(String preset) {
        TrainingSession s = new TrainingSession(Presets.get(preset));
        sessions.add(s);
        return new SessionBridge(s);
    }

    /** Every number field of the window, on the FX thread. */
    private List<Field> fields() {
        List<Field> f = new ArrayList<>();
        SessionBridge people = bridge("gender");

        DataTableViewModel table = new DataTableViewModel(people.session());
        table.update(people.snapshot());
        f.add(new Field("Alice, weight", Allowed.ANY, false, t -> table.commitInput(0, 0, t), () -> table.messageProperty().get()));
        f.add(new Field("Alice, female", Allowed.ANY, false, t -> table.commitTarget(0, 0, t), () -> table.messageProperty().get()));
        AtomicReference<String> probe = new AtomicReference<>();
        f.add(new Field("probe, height", Allowed.ANY, false, t -> {
            probe.set(table.probe(List.of("1", t)));
            return probe.get().startsWith("ŷ = ");
        }, probe::get));

        InspectorViewModel inspector = new InspectorViewModel(people.session());
        f.add(new Field("W1[2,3]", Allowed.ANY, false, t -> inspector.commit(1, 1, 2, t, new EdgeRef(1, 1, 2).name()),
                () -> inspector.messageProperty().get()));

        EdgeEditor editor = new EdgeEditor();
        ThemedScene.of(new StackPane(editor), 400, 200);
        TextField editorField = (TextField) editor.lookup("#edgeEditorField");
        Label editorError = (Label) editor.lookup("#edgeEditorError");
        AtomicReference<Double> sent = new AtomicReference<>();
        editor.setOnCommit((r, v) -> sent.set(v));
        f.add(new Field("W2[2,1]", Allowed.ANY, false, t -> {
            sent.set(null);
            editor.open(new EdgeRef(2, 1, 0), 0.25);
            editorField.setText(t);
            editorField.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            return sent.get() != null;
        }, editorError::getText));

        MainViewModel main = new MainViewModel(people, Presets.all());
        f.add(new Field(NumberField.LEARNING_RATE.place(), NumberField.LEARNING_RATE.allowed(), false,
                main::commitLearningRate, () -> main.learningRateErrorProperty().get()));

        ArchitectureViewModel arch = new ArchitectureViewModel(people);
        Supplier<String> archError = () -> arch.errorProperty().get();
        f.add(new Field(NumberField.LEARNING_RATE.place(), NumberField.LEARNING_RATE.allowed(), false,
                arch::commitLearningRate, archError));
        f.add(new Field(NumberField.MOMENTUM.place(), NumberField.MOMENTUM.allowed(), false, arch::commitMomentum, archError));
        f.add(new Field(NumberField.SEED.place(), NumberField.SEED.allowed(), true, arch::commitSeed, archError));
        f.add(new Field("hidden layer 1, neurons", Allowed.whole(1, Scenarios.MAX_NEURONS), true,
                t -> arch.setNeurons(0, t), archError));

        SessionBridge generated = bridge("xor");
        DatasetsViewModel data = new DatasetsViewModel(generated);
        Supplier<String> dataError = () -> data.errorProperty().get();
        f.add(new Field("samples", Allowed.whole(2, DatasetsViewModel.MAX_GENERATED), true,
                t -> data.generate(Generated.CIRCLE, t, "0.05", "1"), dataError));
        f.add(new Field("noise", Allowed.between(0, 1, 0.05).because("(the standard deviation added to each input)"),
                false, t -> data.generate(Generated.CIRCLE, "20", t, "1"), dataError));
        f.add(new Field(NumberField.SEED.place(), NumberField.SEED.allowed(), true,
                t -> data.generate(Generated.CIRCLE, "20", "0.05", t), dataError));

        org.backproplab.ui.runs.RunsViewModel runs = new org.backproplab.ui.runs.RunsViewModel(bridge("gender"));
        Supplier<String> runsError = () -> runs.errorProperty().get();
        for (org.backproplab.session.Setting s : List.of(org.backproplab.session.Setting.LEARNING_RATE,
                org.backproplab.session.Setting.MOMENTUM)) {
            NumberField same = s == org.backproplab.session.Setting.MOMENTUM ? NumberField.MOMENTUM : NumberField.LEARNING_RATE;
            f.add(new Field(same.place(), same.allowed(), false, t -> runs.startVariant("0", java.util.Map.of(s, t)),
                    runsError));
        }
        f.add(new Field(org.backproplab.session.Setting.LAMBDA.place(), NumberField.LAMBDA.allowed(), false,
                t -> runs.startVariant("0", java.util.Map.of(org.backproplab.session.Setting.REGULARIZATION, "l2",
                        org.backproplab.session.Setting.LAMBDA, t)), runsError));
        f.add(new Field("shuffle seed", NumberField.SEED.allowed(), true,
                t -> runs.startVariant("0", java.util.Map.of(org.backproplab.session.Setting.SEED, t)), runsError));
        f.add(new Field("Start from", Allowed.whole(0, 0), true,
                t -> runs.startVariant(t, java.util.Map.of(org.backproplab.session.Setting.LEARNING_RATE, "0.5")), runsError));

        f.add(new Field("Train all to", Allowed.whole(1, org.backproplab.engine.Trainer.MAX_ITERATION), true,
                runs::trainAllTo, runsError));

        SplitControl split = new SplitControl(bridge("xor"), new UiState());
        Spinner<Integer> spinner = split.spinner();
        f.add(new Field("test %", Allowed.whole(0, SplitControl.MAX_PERCENT), true, t -> {
            spinner.getEditor().setText(t);
            spinner.commitValue();
            return split.error().isEmpty();
        }, split::error));
        return f;
    }

    private void everyFieldReadsAlike(Locale locale) throws Exception {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, locale);
        try {
            List<String> wrong = WaitForAsyncUtils.asyncFx(() -> {
                List<String> w = new ArrayList<>();
                for (Field f : fields()) {
                    for (String t : TYPED) {
                        String expected = f.expected(t);
                        boolean accepted = f.type().apply(t);
                        if (accepted != (expected == null) || !accepted && !expected.equals(f.message().get())) {
                            w.add(f.place() + " ← '" + t + "': " + (accepted ? "accepted" : f.message().get())
                                    + " (expected " + (expected == null ? "accepted" : expected) + ")");
                        }
                    }
                }
                return w;
            }).get(60, TimeUnit.SECONDS);
            assertTrue(wrong.isEmpty(), locale + ":\n" + String.join("\n", wrong));
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void withADecimalDotEveryFieldReadsTheSameTextsTheSameWay() throws Exception {
        everyFieldReadsAlike(Locale.US);
    }

    @Test
    void withADecimalCommaEveryFieldReadsTheSameTextsTheSameWay() throws Exception {
        everyFieldReadsAlike(Locale.GERMANY);
    }

    @Test
    void theMessageIsTheSameForTheSameParameterInTheGraphAndTheInspector() throws Exception {
        assertEquals("'abc' in W1[2,3]: expected a number such as 0.5 or -1.2e-3",
                NumberText.refusal("abc", new EdgeRef(1, 1, 2).name(), Allowed.ANY));
        assertEquals("nothing typed in b2[1]: expected a number such as 0.5 or -1.2e-3",
                NumberText.refusal("", new EdgeRef(2, -1, 0).name(), Allowed.ANY));
    }
}
