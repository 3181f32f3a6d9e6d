package org.backproplab.ui.shell;

import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.app.BackpropLabApp;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application for a test and waits for the session to settle. */
final class ShellFixture {
    final BackpropLabApp app;
    private final FxRobot robot;

    private ShellFixture(BackpropLabApp app, FxRobot robot) {
        this.app = app;
        this.robot = robot;
    }

    static ShellFixture start(FxRobot robot) throws Exception {
        FxToolkit.registerPrimaryStage();
        BackpropLabApp app = (BackpropLabApp) FxToolkit.setupApplication(BackpropLabApp.class);
        // the window is shown with its first screen and completed on the frames after it
        app.window().whenComplete().get(30, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ShellFixture f = new ShellFixture(app, robot);
        f.settle();
        return f;
    }

    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Waits until every command sent so far has run and the window shows the result; returns that snapshot. */
    Snapshot settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        app.session().sync().get(10, TimeUnit.SECONDS);
        robot.interact(() -> app.bridge().refresh());
        WaitForAsyncUtils.waitForFxEvents();
        return app.bridge().snapshot();
    }

    /** @return the loss of {@code net} over {@code d}, computed here from the weights alone */
    static double lossOf(Network net, Dataset d, Loss loss) {
        RealMatrix yHat = net.predict(d.inputs());
        double sum = 0;
        for (int r = 0; r < d.size(); r++) {
            for (int c = 0; c < d.targetSize(); c++) {
                sum += loss.sampleValue(yHat.getEntry(r, c), d.target(r, c));
            }
        }
        return sum * loss.batchFactor(d.size());
    }
}
