package org.backproplab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The reference for {@code --benchmark-start=bare}: a bare JavaFX window, one Label in a 1280×800 stage, started
 * through the same launcher and runtime as the app, so that the two start times can be compared.
 */
public final class BareWindow extends Application {
    /** Needed by {@link Application#launch}. */
    public BareWindow() {
    }

    @Override
    public void start(Stage stage) {
        StartBenchmark.mark("start");
        stage.setScene(new Scene(new Label("Backprop Lab"), BackpropLabApp.WIDTH, BackpropLabApp.HEIGHT));
        stage.setTitle("Backprop Lab");
        stage.show();
        StartBenchmark.mark("shown");
        StartBenchmark.fromParameters(getParameters().getRaw()).ifPresent(b -> b.afterShow(java.util.concurrent.CompletableFuture.completedFuture(null)));
    }
}
