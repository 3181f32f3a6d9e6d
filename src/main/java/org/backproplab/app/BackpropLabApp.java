package org.backproplab.app;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.shell.MainViewModel;
import org.backproplab.ui.shell.MainWindow;

/**
 * The JavaFX application: one window, titled "Backprop Lab", on a {@link TrainingSession} that starts on the
 * default preset ({@code xor}). The session is closed when the application stops. With the parameters
 * {@code --benchmark-ui N} it runs at full speed for {@code N} seconds, prints the figures and exits
 * (see {@link UiBenchmark}).
 */
public class BackpropLabApp extends Application {
    /** Default window size. */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    /** Smallest size the window stays usable at. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 768;

    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private MainWindow window;

    /** Needed by {@link Application#launch} and by TestFX. */
    public BackpropLabApp() {
    }

    @Override
    public void start(Stage stage) {
        List<Scenario> presets = presets();
        session = new TrainingSession(presets.get(0));
        session.setSpeed(MainViewModel.DEFAULT_SPEED);
        bridge = new SessionBridge(session);
        state = new UiState();
        window = new MainWindow(bridge, state, presets);
        Scene scene = new Scene(window, WIDTH, HEIGHT);
        window.install(scene);
        stage.setTitle("Backprop Lab");
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        bridge.start();
        stage.show();
        UiBenchmark.fromParameters(getParameters().getRaw()).ifPresent(b -> b.start(bridge));
    }

    @Override
    public void stop() {
        if (bridge != null) {
            bridge.stop();
        }
        if (session != null) {
            session.close();
        }
    }

    /** TEMPORARY until data.Presets lands in main: the xor tutorial only. */
    static List<Scenario> presets() {
        Dataset d = new Dataset(List.of("x1", "x2", "x3"), List.of("y"),
                new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}}, new double[][] {{0}, {1}, {1}, {0}},
                List.of("00", "01", "10", "11"), null, List.of(), 2);
        return List.of(new Scenario("xor", "XOR with a constant bias input: 3-4-1 sigmoid, sse, full batch", d,
                List.of(new LayerSpec(4, Activation.SIGMOID, false), new LayerSpec(1, Activation.SIGMOID, false)),
                new TrainingConfig(Loss.SSE, 1.0, BatchMode.FULL, 0, false, Initializer.UNIFORM01, 1), 1500));
    }

    // Properties (for tests and the benchmark)

    /** @return the session the window shows (null before {@link #start}) */
    public TrainingSession session() {
        return session;
    }

    public SessionBridge bridge() {
        return bridge;
    }

    public UiState uiState() {
        return state;
    }

    public MainWindow window() {
        return window;
    }
}
