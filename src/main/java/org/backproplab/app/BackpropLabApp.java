package org.backproplab.app;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.AppIcon;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.files.Autosave;
import org.backproplab.ui.files.DataFolder;
import org.backproplab.ui.shell.MainWindow;

/**
 * The JavaFX application: one window, titled "Backprop Lab", on a {@link TrainingSession} that starts on the
 * default preset ({@code xor}). The window is shown with what its first frame needs and completed on the frames
 * after it ({@link MainWindow#firstScreen}; tests wait for {@link MainWindow#whenComplete}). The session is closed
 * when the application stops. With the parameters {@code --benchmark-ui N} it runs at full speed for a warm-up
 * and then {@code N} seconds (once the window is complete), prints the figures and exits (see {@link UiBenchmark}).
 */
public class BackpropLabApp extends Application {
    /** Default window size (smaller if the screen is: a 1024×768 projector gets the whole screen). */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    /** Smallest size the window stays usable at. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 768;
    /** On a screen up to this wide (a projector, a small laptop) the window opens maximised. */
    public static final double MAXIMISED_UP_TO = 1366;

    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private MainWindow window;
    private Autosave autosave;
    private Thread fxThread;
    private WindowErrors handler;

    /** Needed by {@link Application#launch} and by TestFX. */
    public BackpropLabApp() {
    }

    @Override
    public void start(Stage stage) {
        StartBenchmark.mark("start");
        StartupWork.Prepared prepared = StartupWork.take();
        session = prepared.session();
        StartBenchmark.mark("session");
        bridge = new SessionBridge(session);
        state = new UiState();
        window = MainWindow.firstScreen(bridge, state);
        StartBenchmark.mark("window");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        window.install(scene);
        window.files().attach(stage);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - scene.getWidth()) / 2));
        stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - scene.getHeight()) / 2));
        stage.setMaximized(opensMaximised(screen.getWidth()));
        reportUncaughtErrors();
        autosave = new Autosave(bridge, window.files(), DataFolder.user(), window.viewModel()::report);
        autosave.start();
        SignalExit.install(autosave);
        bridge.start();
        stage.show();
        StartBenchmark.mark("shown");
        afterFramesDrawn(StartupWork::firstFrameDrawn);
        // the presets on real data are read once the window is complete and its frames drawn; the icon (decoded on a
        // thread of its own, then handed to the window system) is not worth a core or the window thread's time before
        window.whenComplete().thenRun(() -> afterFramesDrawn(() -> {
            AppIcon.setOn(stage);
            StartupWork.afterShown();
        }));
        // start with the focus on Step, not on the first cell of the inspector's weight grid (which then
        // shows selected and clipped on a projector); made after the first frame, the toolbar takes it itself
        javafx.scene.Node step = scene.lookup("#stepButton");
        if (step != null) {
            step.requestFocus();
        }
        UiBenchmark.fromParameters(getParameters().getRaw())
                .ifPresent(b -> window.whenComplete().thenRun(() -> b.start(bridge, scene)));
        StartBenchmark.fromParameters(getParameters().getRaw()).ifPresent(b -> b.afterShow(window.whenComplete()));
        // after the measurement's frame counter, so that it counts the first frame as drawn before any part is made
        window.completeLater();
        window.whenComplete().thenRun(() -> StartBenchmark.mark("complete"));
        if (getParameters().getRaw().isEmpty()) {
            // once the window is complete: the question then sits over the whole window, not over its empty bars
            window.whenComplete().thenRun(() -> javafx.application.Platform.runLater(
                    () -> autosave.offerRestore(stage)));
        }
    }

    /** @return true if the window opens maximised on a screen {@code screenWidth} px wide (up to 1366 px) */
    public static boolean opensMaximised(double screenWidth) {
        return screenWidth <= MAXIMISED_UP_TO;
    }

    /**
     * Runs {@code work} once the frame the next pulse lays out is drawn: on the third pulse from now, since the
     * second's synchronisation waits for the renderer to finish that frame (run on the second, the work would take a
     * core from the renderer while it draws it).
     */
    private static void afterFramesDrawn(Runnable work) {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 3) {
                    stop();
                    work.run();
                }
            }
        }.start();
    }

    /**
     * A bug in a view must not leave a stack trace on a projector: it goes to the console, and the status bar
     * says in one line that something went wrong; the window keeps working.
     */
    private void reportUncaughtErrors() {
        fxThread = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = fxThread.getUncaughtExceptionHandler();
        // never chain an earlier window's handler: it would keep that window, its session and history alive
        handler = new WindowErrors(this, previous instanceof WindowErrors w ? w.fallback : previous);
        fxThread.setUncaughtExceptionHandler(handler);
    }

    /** Reports an error on the window thread in the status bar; the console gets the stack trace. */
    private record WindowErrors(BackpropLabApp app, Thread.UncaughtExceptionHandler fallback)
            implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            System.err.println("Backprop Lab: unexpected error on the window thread");
            e.printStackTrace();
            try {
                app.window.viewModel().report("Something went wrong in the window (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Details are on the console.");
            } catch (RuntimeException again) {
                fallback.uncaughtException(t, e);
            }
        }
    }

    @Override
    public void stop() {
        if (autosave != null) {
            autosave.endCleanly();
        }
        if (bridge != null) {
            bridge.stop();
        }
        if (session != null) {
            session.close();
        }
        if (fxThread != null && fxThread.getUncaughtExceptionHandler() == handler) {
            fxThread.setUncaughtExceptionHandler(handler.fallback());
        }
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

    /** @return the autosave of this window's session (null before {@link #start}) */
    public Autosave autosave() {
        return autosave;
    }
}
